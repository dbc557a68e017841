package org.reprolab.papers.ultralif;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.engine.Interrupts;
import org.reprolab.report.Column;

/**
 * How far UltraLIF's membrane trajectory is from the max-plus LIF's ({@link TropicalLif}), its ε → 0 limit, for
 * the same input currents. Each membrane step of UltraLIF exceeds the max-plus step by at most ε ln 2 (the
 * {@link SoftMaxPlus} bound) and max is 1-Lipschitz, so, while the spikes agree, |v^ε_t − v_t| ≤ t·ε·ln 2 (our
 * corollary of the paper's per-step bound). The worst case is the tied input I_t = t·log τ, where both arguments
 * of every LSE are equal along the max-plus path and the error is exactly ε·ln(t + 1).
 *
 * <pre>{@code
 * double[][] in = TrajectoryErrors.currentsAwayFromThreshold(1000, 50, 0, 0.1, rng);
 * List<TrajectoryErrors.Row> rows = TrajectoryErrors.study(manager, in, 0.9, 0, 1e-2, 1e-3, 1e-4);
 * }</pre>
 */
public final class TrajectoryErrors {

    private TrajectoryErrors() {}

    /**
     * The error at one ε, over all neurons and steps.
     *
     * @param epsilon the temperature ε
     * @param maxError max |v^ε_t − v_t|
     * @param meanError mean |v^ε_t − v_t|
     * @param maxOverBound max |v^ε_t − v_t| / (t·ε·ln 2): at most 1 where the bound holds
     * @param spikeDisagreements steps where the rounded soft spike differs from the hard one
     * @param tiedInputError max error on the tied input I_t = t·log τ (no spikes), exactly ε·ln(T + 1)
     */
    public record Row(@Column("ε") double epsilon, @Column("max |v^ε − v|") double maxError,
            @Column("mean |v^ε − v|") double meanError, @Column("max |v^ε − v| / (t ε ln 2)") double maxOverBound,
            int spikeDisagreements, @Column("tied input: max error") double tiedInputError) { }

    /**
     * Random currents (neurons × steps), uniform on [θ − 2, θ + 2] without the band (θ − δ, θ + δ), so that every
     * membrane value stays at least δ from the threshold wherever the input wins the soft max.
     */
    public static double[][] currentsAwayFromThreshold(int neurons, int steps, double threshold, double margin,
            SplittableRandom rng) {
        double[][] in = new double[neurons][steps];
        for (double[] row : in) {
            for (int t = 0; t < steps; t++) {
                double u = rng.nextDouble(-2 + margin, 2 - margin);
                row[t] = threshold + (u < 0 ? u - margin : u + margin);
            }
        }
        return in;
    }

    /** The errors of UltraLIF (τ, θ) against the max-plus LIF on {@code currents} (neurons × steps), per ε. */
    public static List<Row> study(NDManager manager, double[][] currents, double tau, double threshold,
            double... epsilons) {
        int steps = currents[0].length;
        NDArray in = manager.create(currents).expandDims(2);                              // (N, T, 1)
        NDList hard = TropicalLif.simulate(in, tau, threshold);
        double[] s0 = hard.get(0).toDoubleArray();
        double[] v0 = hard.get(1).toDoubleArray();
        double[][] tie = new double[1][steps];
        for (int t = 0; t < steps; t++) {
            tie[0][t] = (t + 1) * Math.log(tau);
        }
        NDArray tied = manager.create(tie).expandDims(2);
        double never = 1e9;                                                                // no spikes, no resets
        double[] tieHard = TropicalLif.simulate(tied, tau, never).get(1).toDoubleArray();
        List<Row> rows = new ArrayList<>();
        for (double eps : epsilons) {
            Interrupts.check();
            NDList soft = UltraLif.simulate(in, tau, eps, threshold);
            double[] s = soft.get(0).toDoubleArray();
            double[] v = soft.get(1).toDoubleArray();
            double worst = 0;
            double sum = 0;
            double ratio = 0;
            int disagree = 0;
            for (int i = 0; i < v.length; i++) {
                double err = Math.abs(v[i] - v0[i]);
                worst = Math.max(worst, err);
                sum += err;
                ratio = Math.max(ratio, err / ((i % steps + 1) * eps * Math.log(2)));
                disagree += Math.rint(s[i]) != s0[i] ? 1 : 0;
            }
            double[] tieSoft = UltraLif.simulate(tied, tau, eps, never).get(1).toDoubleArray();
            double tieWorst = 0;
            for (int i = 0; i < tieSoft.length; i++) {
                tieWorst = Math.max(tieWorst, Math.abs(tieSoft[i] - tieHard[i]));
            }
            rows.add(new Row(eps, worst, sum / v.length, ratio, disagree, tieWorst));
        }
        return rows;
    }
}
