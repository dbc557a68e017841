package org.reprolab.reproductions.braindynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.math.Estimate;
import org.reprolab.math.Stats;
import org.reprolab.papers.braindynamics.BrainDynamicsFigures;
import org.reprolab.papers.braindynamics.Kuramoto;
import org.reprolab.report.Column;
import org.reprolab.report.Tables;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Criterion;
import org.reprolab.repro.PaperCard;
import org.reprolab.repro.PaperReproduction;
import org.reprolab.repro.Profile;
import org.reprolab.repro.Reference;
import org.reprolab.repro.Settings;
import org.reprolab.repro.StepContext;

/**
 * Monaco, Rajan and Hwang (2021) is a perspective with no number to check: a concept notebook. It makes one of
 * its ingredients, synchrony among coupled oscillators, concrete with the Kuramoto model, and checks the
 * simulation against Kuramoto's closed form for the stationary order parameter. It decides no claim.
 */
public final class BrainDynamicsReproduction extends PaperReproduction<BrainDynamicsReproduction.Setup> {

    /** The Lorentzian half-width of the natural frequencies: K_c = 2γ = 1. */
    static final double GAMMA = 0.5;
    /** The check covers couplings at least this multiple of K_c (closer to K_c, N must grow to match theory). */
    static final double CHECKED_FROM = 2;

    static final Claim ORDER_CURVE = Claim.check("order-parameter-curve",
            "For Lorentzian natural frequencies (half-width γ) and couplings K ≥ 2K_c, K_c = 2γ, the simulated "
                    + "time-averaged order parameter matches Kuramoto's r∞ = sqrt(1 − K_c/K): the largest "
                    + "|r_sim − r∞| over those couplings, averaged over seeds, is at most 0.05 (the whole interval).")
            .criterion(Criterion.atMost(0.05), "notes: r within ±0.05 of sqrt(1 − 2γ/K) for K ≥ 2K_c")
            .reference(Reference.noNumber("the paper gives none; the closed form is Kuramoto (1975), see Strogatz "
                    + "(2000), Physica D 143:1-20"));

    /**
     * What differs between the profiles.
     *
     * @param oscillators oscillators per population
     * @param dt the integration step (classical Runge-Kutta)
     * @param steps steps per run; r is averaged over the second half
     * @param couplings the couplings K simulated (K_c = 1)
     * @param seeds populations per coupling (frequencies and starting phases drawn afresh per seed)
     */
    public record Setup(int oscillators, double dt, int steps, double[] couplings, int seeds) implements Settings {

        static Setup of(Profile p) {
            return p == Profile.QUICK ? new Setup(1000, 0.02, 1500, new double[] {0.5, 1.5, 2, 3, 4}, 4)
                    : new Setup(2000, 0.02, 2500, new double[] {0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6}, 5);
        }

        @Override
        public List<String> standIns() {
            return List.of(String.format("%,d oscillators with Lorentzian frequencies (γ = %s, K_c = %s), "
                    + "%d couplings from %s to %s, %d seeds; Runge-Kutta with dt = %s for %s time units, r averaged "
                    + "over the second half.", oscillators, GAMMA, 2 * GAMMA, couplings.length, couplings[0],
                    couplings[couplings.length - 1], seeds, dt, dt * steps));
        }
    }

    /** Declares the step and the one check it decides. */
    public BrainDynamicsReproduction() {
        super(Setup::of);
        step("synchrony", "Kuramoto synchrony: the order parameter against coupling, beside the closed form",
                this::synchrony, ORDER_CURVE);
    }

    @Override
    public PaperCard card() {
        return new PaperCard("brain-dynamics", 10,
                "A brain basis of dynamical intelligence for AI and computational neuroscience",
                List.of("Joseph D. Monaco", "Kanaka Rajan", "Grace M. Hwang"), 2021, "arXiv", "2105.07284",
                "A perspective: the authors argue that AI should borrow the brain's dynamics (sparse activity, "
                        + "synchrony, nested oscillations, sequences) and interactive, agent-centred learning. It "
                        + "reports no experiment and no number, so this is a concept notebook, not a reproduction: "
                        + "it makes synchrony concrete with the Kuramoto model of coupled oscillators and checks the "
                        + "simulation against Kuramoto's closed-form order parameter. It decides no claim of the "
                        + "paper.").asConcept();
    }

    @Override
    public List<String> standIns() {
        return List.of("Concept only: the Kuramoto model stands for the paper's \"synchrony\"; the paper names no "
                + "model, data or number.");
    }

    private void synchrony(StepContext ctx, Setup s) {
        int nk = s.couplings().length;
        double[][] r = new double[nk][s.seeds()];
        Map<String, double[]> traces = new LinkedHashMap<>();
        double[] worst = new double[s.seeds()];
        for (int seed = 0; seed < s.seeds(); seed++) {
            double[] omega = Kuramoto.lorentzianFrequencies(s.oscillators(), GAMMA,
                    ctx.random("frequencies/" + seed));
            for (int k = 0; k < nk; k++) {
                double[] trace = new Kuramoto(omega, s.couplings()[k]).orderParameterTrace(
                        Kuramoto.uniformPhases(s.oscillators(), ctx.random("phases/" + seed)), s.dt(), s.steps());
                r[k][seed] = Stats.mean(Arrays.copyOfRange(trace, s.steps() / 2, s.steps()));
                if (s.couplings()[k] >= CHECKED_FROM * 2 * GAMMA) {
                    worst[seed] = Math.max(worst[seed],
                            Math.abs(r[k][seed] - Kuramoto.stationaryOrder(s.couplings()[k], GAMMA)));
                }
                if (seed == 0) {
                    traces.put("K = " + s.couplings()[k], trace);
                }
            }
        }
        record Row(@Column("K") double coupling, @Column("K / K_c") double ratio, @Column("r (simulated)") double r,
                @Column("95% low") double lo, @Column("95% high") double hi, @Column("r∞ (theory)") double theory) { }
        List<Row> rows = new ArrayList<>();
        double[] mean = new double[nk];
        double[] half = new double[nk];
        for (int k = 0; k < nk; k++) {
            Estimate e = Estimate.mean(r[k]);
            mean[k] = e.value();
            half[k] = (e.hi() - e.lo()) / 2;
            rows.add(new Row(s.couplings()[k], s.couplings()[k] / (2 * GAMMA), e.value(), e.lo(), e.hi(),
                    Kuramoto.stationaryOrder(s.couplings()[k], GAMMA)));
        }
        ctx.table("order-parameter", Tables.of("Stationary order parameter against coupling", rows));
        ctx.chart("traces", BrainDynamicsFigures.orderTraces("r(t) from incoherent phases (seed 0)", s.dt(), traces));
        ctx.chart("curve", BrainDynamicsFigures.orderCurve(s.couplings(), mean, half, GAMMA));
        ctx.decide(ORDER_CURVE, Estimate.mean(worst), String.format("largest |r_sim − r∞| over K ≥ %s·K_c, per seed, "
                + "N = %,d", CHECKED_FROM, s.oscillators()));
    }
}
