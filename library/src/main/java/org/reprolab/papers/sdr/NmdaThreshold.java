package org.reprolab.papers.sdr;

import java.util.ArrayList;
import java.util.List;
import org.reprolab.engine.Interrupts;
import org.reprolab.math.Stats;
import org.reprolab.report.Column;

/**
 * The NMDA threshold as a trade-off between the two errors of a segment, over a grid of segments: a low θ lets
 * random patterns through (Eq. (1)), a high θ misses the stored pattern once noise has replaced some of its cells
 * (Eq. (2)). For each segment the balanced threshold θ* minimises their sum ({@link SdrMath#balancedThreshold});
 * the sweep also gives, per θ, the median of each error over the grid, which is what the paper's threshold figure
 * plots for false matches.
 *
 * <pre>{@code
 * NmdaThreshold.Sweep sw = NmdaThreshold.sweep(new int[] {1000, 5000}, new int[] {10, 20}, new int[] {20, 40}, 0.5);
 * Stats.median(sw.balancedThresholds())
 * }</pre>
 */
public final class NmdaThreshold {

    private NmdaThreshold() {}

    /**
     * One segment of the grid with its balanced threshold.
     *
     * @param n cells in the population
     * @param a active cells of a pattern
     * @param s synapses on the segment
     * @param balanced θ*, the threshold minimising false match plus miss
     * @param falseMatch P_fp(θ*), Eq. (1)
     * @param miss P_miss(θ*), Eq. (2)
     */
    public record Segment(int n, int a, int s, @Column("θ*") int balanced, @Column("P_fp(θ*)") double falseMatch,
            @Column("P_miss(θ*)") double miss) { }

    /**
     * The sweep's result.
     *
     * @param segments the segments with a ≥ s (Eq. (2) samples the segment's synapses from the pattern's cells)
     * @param theta the thresholds 1..max s
     * @param medianFalseMatch per θ, the median of Eq. (1) over {@code segments}
     * @param medianMiss per θ, the median of Eq. (2) over {@code segments}
     * @param medianFalseMatchAll per θ, the median of Eq. (1) over every segment of the grid (a ≥ s or not)
     * @param gridSize how many segments the grid has
     */
    public record Sweep(List<Segment> segments, double[] theta, double[] medianFalseMatch, double[] medianMiss,
            double[] medianFalseMatchAll, int gridSize) {

        /** θ* of every segment. */
        public double[] balancedThresholds() {
            return segments.stream().mapToDouble(Segment::balanced).toArray();
        }

        /** The smallest θ at which the median false match over the whole grid is at most {@code bound}. */
        public int firstThetaWithMedianFalseMatchAtMost(double bound) {
            for (int i = 0; i < theta.length; i++) {
                if (medianFalseMatchAll[i] <= bound) {
                    return (int) theta[i];
                }
            }
            return -1;
        }
    }

    /**
     * Sweeps the grid of populations {@code ns}, activity levels {@code permille} (a = n·‰/1000 active cells)
     * and segment sizes {@code synapses}, with ⌊a·{@code noise}⌋ of a stored pattern's cells replaced.
     */
    public static Sweep sweep(int[] ns, int[] permille, int[] synapses, double noise) {
        int maxS = 0;
        for (int s : synapses) {
            maxS = Math.max(maxS, s);
        }
        List<Segment> segments = new ArrayList<>();
        List<double[]> fps = new ArrayList<>();
        List<double[]> misses = new ArrayList<>();
        List<double[]> allFps = new ArrayList<>();
        for (int n : ns) {
            for (int pm : permille) {
                Interrupts.check();
                int a = n * pm / 1000;
                int noisy = (int) Math.floor(a * noise);
                for (int s : synapses) {
                    double[] fp = SdrMath.falseMatchByThreshold(n, a, s);
                    allFps.add(fp);
                    if (a < s) {
                        continue;
                    }
                    double[] miss = SdrMath.missByThreshold(a, s, noisy);
                    int best = SdrMath.balancedThreshold(fp, miss);
                    segments.add(new Segment(n, a, s, best, fp[best], miss[best]));
                    fps.add(fp);
                    misses.add(miss);
                }
            }
        }
        double[] theta = new double[maxS];
        for (int t = 1; t <= maxS; t++) {
            theta[t - 1] = t;
        }
        return new Sweep(segments, theta, medians(fps, maxS, 0), medians(misses, maxS, 1), medians(allFps, maxS, 0),
                allFps.size());
    }

    /** Per θ = 1..maxS the median over segments; beyond a segment's s its value is {@code beyond}. */
    private static double[] medians(List<double[]> perSegment, int maxS, double beyond) {
        double[] m = new double[maxS];
        for (int t = 1; t <= maxS; t++) {
            int tt = t;
            m[t - 1] = Stats.median(perSegment.stream().mapToDouble(p -> tt < p.length ? p[tt] : beyond).toArray());
        }
        return m;
    }
}
