package org.reprolab.papers.kan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.reprolab.math.LinearFit;
import org.reprolab.math.Stats;
import org.reprolab.report.Column;
import org.reprolab.report.Tables;
import tech.tablesaw.api.Table;

/**
 * One network's grid-extension sweeps ({@link KanTraining#extendAndFit}), one per seed, all over the same grids:
 * the errors' means per grid and the scaling exponent fitted over every seed's points.
 *
 * @param network the network's name, e.g. {@code [2,1,1]}
 * @param bySeed the sweeps, one per seed; add to it as seeds finish
 */
public record GridSweeps(String network, List<List<KanTraining.GridStep>> bySeed) {

    /** An empty set of sweeps of {@code network}. */
    public static GridSweeps of(String network) {
        return new GridSweeps(network, new ArrayList<>());
    }

    /** The grids of the sweeps. */
    public int[] grids() {
        return bySeed.get(0).stream().mapToInt(KanTraining.GridStep::grid).toArray();
    }

    /** The arithmetic mean over seeds of {@code value} at the {@code index}-th grid. */
    public double mean(int index, ToDoubleFunction<KanTraining.GridStep> value) {
        return Stats.mean(bySeed.stream().mapToDouble(s -> value.applyAsDouble(s.get(index))).toArray());
    }

    /** The geometric mean over seeds of {@code value} at the {@code index}-th grid. */
    public double geometricMean(int index, ToDoubleFunction<KanTraining.GridStep> value) {
        return Stats.geometricMean(bySeed.stream().mapToDouble(s -> value.applyAsDouble(s.get(index))).toArray());
    }

    /**
     * The power law error ∝ G^α fitted on log axes to every seed's points with G in [{@code from}, {@code to}]:
     * its {@link LinearFit#slopeEstimate()} is α with the slope's 95% interval.
     */
    public LinearFit slope(int from, int to, ToDoubleFunction<KanTraining.GridStep> error) {
        List<KanTraining.GridStep> in = bySeed.stream().flatMap(List::stream)
                .filter(g -> g.grid() >= from && g.grid() <= to).toList();
        return LinearFit.logLog(in.stream().mapToDouble(KanTraining.GridStep::grid).toArray(),
                in.stream().mapToDouble(error).toArray());
    }

    /** One row of {@link #table}. */
    record Row(@Column("KAN") String network, @Column("G") int grid, long parameters,
            @Column("train RMSE") double trainRmse, @Column("test RMSE") double testRmse,
            @Column("test √median sq. error") double testRootMedian,
            @Column("share of test MSE from the 5 worst points") double worstShare) { }

    /** The errors per grid, means over seeds, of every network in {@code sweeps}. */
    public static Table table(String title, List<GridSweeps> sweeps) {
        List<Row> rows = new ArrayList<>();
        for (GridSweeps s : sweeps) {
            int[] grids = s.grids();
            for (int g = 0; g < grids.length; g++) {
                rows.add(new Row(s.network(), grids[g], s.bySeed().get(0).get(g).parameters(),
                        s.mean(g, KanTraining.GridStep::trainRmse), s.mean(g, KanTraining.GridStep::testRmse),
                        s.mean(g, KanTraining.GridStep::testRootMedian), s.mean(g, KanTraining.GridStep::worstShare)));
            }
        }
        return Tables.of(title, Row.class, rows);
    }
}
