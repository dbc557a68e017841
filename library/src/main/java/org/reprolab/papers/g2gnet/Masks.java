package org.reprolab.papers.g2gnet;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Preconditions;
import java.util.SplittableRandom;

/**
 * Connectivity masks M [out, in] (row j = output unit, column i = input unit; 1 = edge i → j exists).
 *
 * <p><b>Ensemble-to-ensemble (G2G) mask</b> ([recon]: the paper's exact grouping rule is not known to us).
 * The n units of a layer form G ensembles of consecutive units, ens(i) = ⌊i·G/n⌋. Each output ensemble g
 * receives input from k input ensembles, its parents P(g) = {π((g + r) mod G) : r = 0…k−1} for a random
 * permutation π of the input ensembles, so every input ensemble also feeds exactly k output ensembles:
 * \[ M_{ji} = [\,\mathrm{ens}(i) \in P(\mathrm{ens}(j))\,], \qquad \text{sparsity} = 1 - k/G \]
 * (exactly, when G divides both layer sizes). G = 4, k = 1 gives the paper's 75% sparsity.
 *
 * <p><b>Random mask</b>: the same number of edges, round(density · out · in), drawn uniformly without
 * structure (the unstructured control).
 *
 * <p>Both come as arrays (the functional form) and as DJL {@link Initializer}s for {@link MaskedLinear}'s
 * mask parameter, which learn the layer's size when the block is initialised. Every mask is a pure function
 * of its arguments and seed.
 */
public final class Masks {

    private Masks() {}

    /** The ensemble of unit {@code i} among {@code n} units split into {@code ensembles} consecutive ensembles. */
    public static int ensembleOf(int i, int n, int ensembles) {
        return (int) ((long) i * ensembles / n);
    }

    /**
     * The parents of each output ensemble: {@code parents[g]} lists the k input ensembles that feed output
     * ensemble g, P(g) = {π((g + r) mod G)}.
     */
    public static int[][] g2gParents(int ensembles, int fanIn, long seed) {
        Preconditions.checkArgument(ensembles >= 1 && fanIn >= 1 && fanIn <= ensembles,
                "G2G needs 1 ≤ k ≤ G, got G=" + ensembles + ", k=" + fanIn);
        int[] perm = permutation(ensembles, new SplittableRandom(seed));
        int[][] parents = new int[ensembles][fanIn];
        for (int g = 0; g < ensembles; g++) {
            for (int r = 0; r < fanIn; r++) {
                parents[g][r] = perm[(g + r) % ensembles];
            }
        }
        return parents;
    }

    /**
     * The G2G mask of an {@code out × in} layer, row-major [out, in] (Eq. 2, numbering ours).
     *
     * @param ensembles G, ensembles per layer
     * @param fanIn k, input ensembles per output ensemble
     * @param seed seed of the permutation π
     */
    public static float[] g2g(int out, int in, int ensembles, int fanIn, long seed) {
        Preconditions.checkArgument(ensembles <= Math.min(out, in), "more ensembles than units");
        int[][] parents = g2gParents(ensembles, fanIn, seed);
        boolean[][] connected = new boolean[ensembles][ensembles]; // [output ensemble][input ensemble]
        for (int g = 0; g < ensembles; g++) {
            for (int p : parents[g]) {
                connected[g][p] = true;
            }
        }
        float[] m = new float[out * in];
        for (int j = 0; j < out; j++) {
            boolean[] row = connected[ensembleOf(j, out, ensembles)];
            for (int i = 0; i < in; i++) {
                m[j * in + i] = row[ensembleOf(i, in, ensembles)] ? 1f : 0f; // Eq. (2)
            }
        }
        return m;
    }

    /** A mask with exactly round(density · out · in) ones at uniformly random places, row-major [out, in]. */
    public static float[] random(int out, int in, double density, long seed) {
        Preconditions.checkArgument(density >= 0 && density <= 1, "density must be in [0, 1]");
        int n = out * in;
        int active = (int) Math.round(density * n);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[] m = new float[n];
        for (int t = 0; t < active; t++) { // partial Fisher–Yates: the first `active` of a random permutation
            int s = t + rng.nextInt(n - t);
            int tmp = idx[t];
            idx[t] = idx[s];
            idx[s] = tmp;
            m[idx[t]] = 1f;
        }
        return m;
    }

    /** A dense mask (all ones). */
    public static float[] dense(int out, int in) {
        float[] m = new float[out * in];
        java.util.Arrays.fill(m, 1f);
        return m;
    }

    /** {@link #g2g(int, int, int, int, long)} as an initializer of {@link MaskedLinear}'s mask. */
    public static Initializer g2g(int ensembles, int fanIn, long seed) {
        g2gParents(ensembles, fanIn, seed); // check the arguments now, not at initialisation
        return (manager, shape, dataType) -> {
            int[] oi = outIn(shape);
            return manager.create(g2g(oi[0], oi[1], ensembles, fanIn, seed), shape);
        };
    }

    /** {@link #random(int, int, double, long)} as an initializer of {@link MaskedLinear}'s mask. */
    public static Initializer random(double density, long seed) {
        Preconditions.checkArgument(density >= 0 && density <= 1, "density must be in [0, 1]");
        return (manager, shape, dataType) -> {
            int[] oi = outIn(shape);
            return manager.create(random(oi[0], oi[1], density, seed), shape);
        };
    }

    /** Where the mask has no edge: the edges regrowth may choose from. */
    public static boolean[] inactive(float[] mask) {
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = mask[i] == 0;
        }
        return out;
    }

    /** Fraction of zeros. */
    public static double sparsity(float[] mask) {
        long ones = 0;
        for (float v : mask) {
            ones += v != 0 ? 1 : 0;
        }
        return 1 - (double) ones / mask.length;
    }

    /**
     * Fraction of a mask's edges that lie inside the G2G blocks of {@code reference} (1 for the G2G mask
     * itself; about k/G for a random mask). Tracks how far rewiring moves a network from its G2G start.
     */
    public static double fractionInside(float[] mask, float[] reference) {
        long inside = 0;
        long all = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0) {
                all++;
                inside += reference[i] != 0 ? 1 : 0;
            }
        }
        return all == 0 ? Double.NaN : (double) inside / all;
    }

    private static int[] outIn(Shape shape) {
        Preconditions.checkArgument(shape.dimension() == 2, "a mask is [out, in], got " + shape);
        return new int[] {(int) shape.get(0), (int) shape.get(1)};
    }

    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
