package org.reprolab.papers.g2gnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Preconditions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.engine.Interrupts;

/**
 * Dynamic sparse training (DST): every ΔT optimizer steps, each sparse layer drops its weakest edges and
 * grows as many new ones, so its sparsity never changes while its wiring adapts ([recon], in the style of
 * SET, Mocanu et al. 2018, and RigL, Evci et al. 2020; the abstract names only "prunes and regrows edges"):
 * <ol>
 *   <li>prune fraction, cosine-decayed to 0 at step T_end = stop · T:
 *       \( \zeta_t = \tfrac{\zeta_0}{2}\,(1 + \cos(\pi t / T_{end})) \) (Eq. 4, numbering ours);</li>
 *   <li>prune: of the layer's A active edges, the n = round(ζ_t · A) with the smallest |w| (Eq. 5);</li>
 *   <li>regrow n edges among those inactive before pruning, new weights 0 (Eq. 6), either uniformly at
 *       random ({@link Regrowth#RANDOM}) or those with the largest Hebbian score
 *       |corr(pre, post)| on the current batch ({@link Regrowth#HEBBIAN}, {@link Hebbian#scores}).</li>
 * </ol>
 * Between rewirings it re-applies every mask after each update, so masked weights stay exactly zero.
 * {@link #afterStep} has the shape of a {@code TrainingLoop} batch listener:
 *
 * <pre>{@code
 * DynamicSparseTraining dst = DynamicSparseTraining.builder().setNetwork(net).setTotalSteps(steps)
 *         .optRegrowth(Regrowth.HEBBIAN).optSeed(1).build();
 * TrainingLoop.builder().setEpochs(5).optAdam(1e-3f).optOnBatch(dst::afterStep).build().fit(net, train, test, m);
 * }</pre>
 */
public final class DynamicSparseTraining {

    /** How the pruned edges are replaced. */
    public enum Regrowth {
        /** Uniformly among the inactive edges (SET). */
        RANDOM,
        /** The inactive edges whose units are most correlated on the current batch. */
        HEBBIAN
    }

    /** One layer's rewiring at one step. */
    public record Update(int step, int layer, double pruneFraction, int rewired, long active, double sparsity,
            double insideInitialBlocks) { }

    private final SequentialBlock net;
    private final int totalSteps;
    private final int updateEvery;
    private final double pruneFraction;
    private final double stopFraction;
    private final Regrowth regrowth;
    private final boolean postActivation;
    private final SplittableRandom rng;
    private final List<Update> history = new ArrayList<>();
    private List<float[]> initialMasks;

    private DynamicSparseTraining(Builder b) {
        this.net = b.net;
        this.totalSteps = b.totalSteps;
        this.updateEvery = b.updateEvery;
        this.pruneFraction = b.pruneFraction;
        this.stopFraction = b.stopFraction;
        this.regrowth = b.regrowth;
        this.postActivation = b.postActivation;
        this.rng = new SplittableRandom(b.seed);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** ζ_t of Eq. (4): ζ₀/2 · (1 + cos(π t / T_end)) before T_end = stop · T, then 0. */
    public double pruneFraction(int step) {
        double end = stopFraction * totalSteps;
        return step >= end ? 0 : pruneFraction / 2 * (1 + Math.cos(Math.PI * step / end)); // Eq. (4)
    }

    /**
     * After optimizer step {@code step} (0-based): re-apply the masks, and every ΔT steps rewire the sparse
     * layers using the batch {@code x}. The signature matches {@code TrainingLoop.BatchListener}.
     */
    public void afterStep(int epoch, int step, NDArray x, NDArray y) {
        G2gNet.applyMasks(net);
        if ((step + 1) % updateEvery == 0 && pruneFraction(step + 1) > 0) {
            rewire(step + 1, x);
        }
    }

    /** Prunes and regrows every sparse layer once, with prune fraction ζ_step, scoring on batch {@code x}. */
    public void rewire(int step, NDArray x) {
        Interrupts.check();
        List<MaskedLinear> layers = G2gNet.maskedLayers(net);
        if (initialMasks == null) {
            initialMasks = new ArrayList<>();
            for (MaskedLinear l : layers) {
                initialMasks.add(l.mask().toFloatArray());
            }
        }
        double zeta = pruneFraction(step);
        try (NDScope scope = new NDScope()) {
            List<NDArray[]> acts = regrowth == Regrowth.HEBBIAN
                    ? G2gNet.layerActivations(net, x, postActivation) : Collections.nCopies(layers.size(), null);
            for (int l = 0; l < layers.size(); l++) {
                MaskedLinear layer = layers.get(l);
                float[] mask = layer.mask().toFloatArray();
                long active = countActive(mask);
                if (active == mask.length) {
                    continue; // a dense layer has nothing to rewire
                }
                float[] w = layer.weight().toFloatArray();
                int n = (int) Math.round(zeta * active);
                boolean[] eligible = new boolean[mask.length];
                for (int i = 0; i < mask.length; i++) {
                    eligible[i] = mask[i] == 0;
                }
                pruneSmallest(w, mask, n);
                if (regrowth == Regrowth.RANDOM) {
                    regrowRandom(mask, eligible, n, rng);
                } else {
                    NDArray[] pp = acts.get(l);
                    regrowTop(mask, eligible, Hebbian.scores(pp[0], pp[1]).toFloatArray(), n);
                }
                layer.setMask(mask);
                history.add(new Update(step, l, zeta, n, countActive(mask), Masks.sparsity(mask),
                        Masks.fractionInside(mask, initialMasks.get(l))));
            }
        }
    }

    /** Every rewiring so far, one entry per sparse layer and update. */
    public List<Update> history() {
        return Collections.unmodifiableList(history);
    }

    /**
     * Eq. (5): clears in {@code mask} the {@code count} active edges with the smallest |w| (ties: lower index
     * first) and returns their indices.
     */
    public static int[] pruneSmallest(float[] w, float[] mask, int count) {
        int active = (int) countActive(mask);
        Preconditions.checkArgument(count <= active, "cannot prune " + count + " of " + active + " edges");
        long[] keys = new long[active];
        int a = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                // |w| ≥ 0, so its IEEE bits order like its value; the index breaks ties.
                keys[a++] = ((long) Float.floatToIntBits(Math.abs(w[i])) << 32) | i;
            }
        }
        Arrays.sort(keys);
        int[] pruned = new int[count];
        for (int t = 0; t < count; t++) {
            pruned[t] = (int) keys[t];
            mask[pruned[t]] = 0; // Eq. (5)
        }
        return pruned;
    }

    /** Eq. (6), random: sets {@code count} uniformly chosen eligible edges of {@code mask} to 1. */
    public static int[] regrowRandom(float[] mask, boolean[] eligible, int count, SplittableRandom rng) {
        int[] pool = candidates(mask, eligible, count);
        for (int t = 0; t < count; t++) { // partial Fisher–Yates
            int s = t + rng.nextInt(pool.length - t);
            int tmp = pool[t];
            pool[t] = pool[s];
            pool[s] = tmp;
            mask[pool[t]] = 1; // Eq. (6)
        }
        return Arrays.copyOf(pool, count);
    }

    /** Eq. (6), Hebbian: sets to 1 the {@code count} eligible edges with the largest score (ties: lower index). */
    public static int[] regrowTop(float[] mask, boolean[] eligible, float[] scores, int count) {
        int[] pool = candidates(mask, eligible, count);
        long[] keys = new long[pool.length];
        for (int t = 0; t < pool.length; t++) {
            float s = scores[pool[t]];
            Preconditions.checkArgument(s >= 0 && !Float.isNaN(s), "scores must be non-negative");
            keys[t] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(s)) << 32) | pool[t];
        }
        Arrays.sort(keys);
        int[] grown = new int[count];
        for (int t = 0; t < count; t++) {
            grown[t] = (int) keys[t];
            mask[grown[t]] = 1; // Eq. (6)
        }
        return grown;
    }

    private static int[] candidates(float[] mask, boolean[] eligible, int count) {
        int n = 0;
        for (int i = 0; i < mask.length; i++) {
            n += eligible[i] && mask[i] == 0 ? 1 : 0;
        }
        Preconditions.checkArgument(count <= n, "cannot grow " + count + " edges from " + n + " candidates");
        int[] pool = new int[n];
        int k = 0;
        for (int i = 0; i < mask.length; i++) {
            if (eligible[i] && mask[i] == 0) {
                pool[k++] = i;
            }
        }
        return pool;
    }

    static long countActive(float[] mask) {
        long n = 0;
        for (float v : mask) {
            n += v != 0 ? 1 : 0;
        }
        return n;
    }

    /** Builds a {@link DynamicSparseTraining} schedule. */
    public static final class Builder {
        private SequentialBlock net;
        private int totalSteps;
        private int updateEvery = 100;
        private double pruneFraction = 0.3;
        private double stopFraction = 0.75;
        private Regrowth regrowth = Regrowth.HEBBIAN;
        private boolean postActivation = true;
        private long seed;

        /** The network whose {@link MaskedLinear} layers are rewired (required). */
        public Builder setNetwork(SequentialBlock net) {
            this.net = net;
            return this;
        }

        /** T, the optimizer steps of the whole training run (required: sets the cosine schedule). */
        public Builder setTotalSteps(int totalSteps) {
            this.totalSteps = totalSteps;
            return this;
        }

        /** ΔT, steps between rewirings; default 100. */
        public Builder optUpdateEvery(int steps) {
            this.updateEvery = steps;
            return this;
        }

        /** ζ₀, the first prune fraction; default 0.3. */
        public Builder optPruneFraction(double zeta) {
            this.pruneFraction = zeta;
            return this;
        }

        /** Fraction of training after which the wiring is frozen; default 0.75. */
        public Builder optStopFraction(double stop) {
            this.stopFraction = stop;
            return this;
        }

        /** Random or Hebbian regrowth; default Hebbian. */
        public Builder optRegrowth(Regrowth regrowth) {
            this.regrowth = regrowth;
            return this;
        }

        /** Hebbian postsynaptic activity after the activation function (default) or before it. */
        public Builder optPostActivation(boolean post) {
            this.postActivation = post;
            return this;
        }

        /** Seed of random regrowth; default 0. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The schedule. */
        public DynamicSparseTraining build() {
            Preconditions.checkArgument(net != null, "DynamicSparseTraining needs setNetwork(net)");
            Preconditions.checkArgument(totalSteps > 0, "DynamicSparseTraining needs setTotalSteps(T > 0)");
            Preconditions.checkArgument(updateEvery > 0, "ΔT must be positive");
            Preconditions.checkArgument(pruneFraction >= 0 && pruneFraction < 1, "ζ₀ must be in [0, 1)");
            Preconditions.checkArgument(stopFraction > 0 && stopFraction <= 1, "stop fraction must be in (0, 1]");
            return new DynamicSparseTraining(this);
        }
    }
}
