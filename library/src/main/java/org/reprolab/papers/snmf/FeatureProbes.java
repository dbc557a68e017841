package org.reprolab.papers.snmf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.sparsity.NeuronSets;
import org.reprolab.sparsity.TopK;

/**
 * How interpretable and how causal a feature is: the class purity of the inputs that express it most, and how
 * often adding it to a hidden layer turns the network's prediction into the feature's class (steering).
 */
public final class FeatureProbes {

    private FeatureProbes() {}

    /** The most frequent label among the {@code top} inputs of largest score (ties: the smaller label). */
    public static int dominantClass(double[] scores, int[] labels, int classes, int top) {
        int[] count = counts(scores, labels, classes, top);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            best = count[c] > count[best] ? c : best;
        }
        return best;
    }

    /** The share of the dominant class among the {@code top} inputs of largest score. */
    public static double purity(double[] scores, int[] labels, int classes, int top) {
        int[] count = counts(scores, labels, classes, top);
        int max = 0;
        for (int c : count) {
            max = Math.max(max, c);
        }
        return (double) max / Math.min(top, scores.length);
    }

    private static int[] counts(double[] scores, int[] labels, int classes, int top) {
        int[] count = new int[classes];
        for (int i : TopK.indices(scores, top)) {
            count[labels[i]]++;
        }
        return count;
    }

    /**
     * The network's logits on {@code x} in inference mode with {@code v} added to the output of child
     * {@code afterChild} (0-based; e.g. 1 is the first hidden layer's activation in an {@link
     * org.reprolab.train.Mlp}); a null {@code v} runs the network unchanged.
     */
    public static NDArray steer(SequentialBlock net, NDArray x, float[] v, int afterChild) {
        ParameterStore store = new ParameterStore(x.getManager(), false);
        NDArray h = x;
        List<Block> children = net.getChildren().values();
        for (int i = 0; i < children.size(); i++) {
            h = children.get(i).forward(store, new NDList(h), false).singletonOrThrow();
            if (i == afterChild && v != null) {
                h = h.add(x.getManager().create(v, new Shape(1, v.length)));
            }
        }
        return h;
    }

    /**
     * The share of inputs not predicted as {@code target} before that are predicted as {@code target} once
     * {@code v} is added after child {@code afterChild}.
     */
    public static double flipRate(SequentialBlock net, NDArray x, float[] v, int afterChild, int target) {
        int[] before = toInts(steer(net, x, null, afterChild).argMax(1));
        int[] after = toInts(steer(net, x, v, afterChild).argMax(1));
        int eligible = 0;
        int flipped = 0;
        for (int i = 0; i < before.length; i++) {
            if (before[i] != target) {
                eligible++;
                flipped += after[i] == target ? 1 : 0;
            }
        }
        return eligible == 0 ? 0 : (double) flipped / eligible;
    }

    /**
     * The outputs of children 0..{@code throughChild} of {@code net} on {@code x} (inference mode), as a matrix
     * with one row per unit and one column per input (the A of {@link SemiNmf}).
     */
    public static double[][] activations(SequentialBlock net, NDArray x, int throughChild) {
        return unitsByInputs(outputOf(net, x, throughChild));
    }

    /** The output (B, d) of children 0..{@code throughChild} of {@code net} on {@code x}, in inference mode. */
    public static NDArray outputOf(SequentialBlock net, NDArray x, int throughChild) {
        ParameterStore store = new ParameterStore(x.getManager(), false);
        NDArray h = x;
        List<Block> children = net.getChildren().values();
        for (int i = 0; i <= throughChild; i++) {
            h = children.get(i).forward(store, new NDList(h), false).singletonOrThrow();
        }
        return h;
    }

    /** A (B, d) array as a d × B matrix (one row per unit, one column per input). */
    public static double[][] unitsByInputs(NDArray rows) {
        int n = (int) rows.getShape().get(0);
        int d = (int) rows.getShape().get(1);
        float[] flat = rows.toFloatArray();
        double[][] a = new double[d][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                a[j][i] = flat[i * d + j];
            }
        }
        return a;
    }

    /** The difference-of-means direction of class {@code cls}: mean column of A over the class minus over the rest. */
    public static double[] diffMeans(double[][] a, int[] labels, int cls) {
        int in = 0;
        for (int label : labels) {
            in += label == cls ? 1 : 0;
        }
        double[] dir = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double sumIn = 0;
            double sumOut = 0;
            for (int n = 0; n < labels.length; n++) {
                if (labels[n] == cls) {
                    sumIn += a[i][n];
                } else {
                    sumOut += a[i][n];
                }
            }
            dir[i] = sumIn / in - sumOut / (labels.length - in);
        }
        return dir;
    }

    /** The projection of every column of A on {@code direction}: a score per input. */
    public static double[] project(double[][] a, double[] direction) {
        double[] p = new double[a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int n = 0; n < p.length; n++) {
                p[n] += direction[i] * a[i][n];
            }
        }
        return p;
    }

    /** The mean Euclidean norm of the columns of A (the typical size of an activation vector). */
    public static double meanColumnNorm(double[][] a) {
        double sum = 0;
        for (int n = 0; n < a[0].length; n++) {
            double s = 0;
            for (double[] row : a) {
                s += row[n] * row[n];
            }
            sum += Math.sqrt(s);
        }
        return sum / a[0].length;
    }

    /** {@code v} rescaled to Euclidean norm {@code norm}, as floats (zeros stay zeros). */
    public static float[] scaled(double[] v, double norm) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = n == 0 ? 0 : (float) (v[i] * norm / n);
        }
        return r;
    }

    /** A random Gaussian direction over as many randomly chosen units as {@code v} has non-zero entries. */
    public static double[] randomLike(double[] v, SplittableRandom rng) {
        int nonZero = 0;
        for (double x : v) {
            nonZero += x != 0 ? 1 : 0;
        }
        boolean[] support = NeuronSets.random(v.length, nonZero, rng);
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = support[i] ? rng.nextGaussian() : 0;
        }
        return r;
    }

    private static int[] toInts(NDArray a) {
        long[] l = a.toLongArray();
        int[] r = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            r[i] = (int) l[i];
        }
        return r;
    }
}
