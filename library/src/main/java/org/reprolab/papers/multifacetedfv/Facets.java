package org.reprolab.papers.multifacetedfv;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.math.Correlation;
import org.reprolab.math.KMeans;
import org.reprolab.math.SymmetricEigen;

/**
 * The facets of one class (Nguyen et al.'s method steps 1 and 2): the penultimate-layer activations of the class's
 * training images, projected on their first principal components and clustered by k-means; each facet's
 * initialisation is the mean of the {@code closest} images nearest to its centroid.
 *
 * @param classIndex the class c
 * @param mean the mean activation (for the projection)
 * @param basis the principal directions, {@code basis[p]} of the activation's dimension
 * @param clusters the k-means clustering of the projected activations
 * @param inits one mean image per facet, flattened
 */
public record Facets(int classIndex, double[] mean, double[][] basis, KMeans clusters, float[][] inits) {

    /**
     * The {@code k} facets of class {@code c} among {@code images} (their rows, flattened, values in [0, 1]) for
     * {@code net}: PCA of the penultimate activations to {@code components} dimensions, k-means, and the mean of
     * the {@code closest} members nearest each centroid.
     */
    public static Facets of(SequentialBlock net, float[][] images, int c, int k, int components, int closest,
            SplittableRandom random, NDManager manager) {
        double[][] act = penultimate(net, images, manager);
        SymmetricEigen e = SymmetricEigen.of(SymmetricEigen.covariance(act));
        double[] mean = new double[act[0].length];
        for (double[] a : act) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += a[j] / act.length;
            }
        }
        double[][] basis = java.util.Arrays.copyOf(e.vectors(), components);
        double[][] z = new double[act.length][];
        for (int i = 0; i < act.length; i++) {
            z[i] = project(act[i], mean, basis);
        }
        KMeans km = KMeans.fit(z, k, 100, random);
        float[][] inits = new float[k][images[0].length];
        for (int j = 0; j < k; j++) {
            int[] members = km.closestMembers(z, j, closest);
            for (int i : members) {
                for (int p = 0; p < inits[j].length; p++) {
                    inits[j][p] += images[i][p] / members.length;
                }
            }
        }
        return new Facets(c, mean, basis, km, inits);
    }

    /** The facet whose centroid is nearest to the projected activation of each image. */
    public int[] nearestFacet(SequentialBlock net, float[][] images, NDManager manager) {
        double[][] act = penultimate(net, images, manager);
        int[] out = new int[act.length];
        for (int i = 0; i < act.length; i++) {
            out[i] = clusters.nearest(project(act[i], mean, basis));
        }
        return out;
    }

    /** The activations entering the last layer of {@code net} (its input, after all earlier children). */
    public static double[][] penultimate(SequentialBlock net, float[][] images, NDManager manager) {
        List<Block> children = new ArrayList<>(net.getChildren().values());
        try (NDManager m = manager.newSubManager()) {
            ParameterStore store = new ParameterStore(m, false);
            NDList x = new NDList(m.create(ActivationMaximization.flatten(images),
                    new Shape(images.length, images[0].length)));
            for (int i = 0; i < children.size() - 1; i++) {
                x = children.get(i).forward(store, x, false);
            }
            return rows(x.singletonOrThrow());
        }
    }

    /** The logits of {@code net} for each image, {@code [image][class]}. */
    public static double[][] logits(Block net, float[][] images, NDManager manager) {
        try (NDManager m = manager.newSubManager()) {
            ParameterStore store = new ParameterStore(m, false);
            NDArray x = m.create(ActivationMaximization.flatten(images), new Shape(images.length, images[0].length));
            return rows(net.forward(store, new NDList(x), false).singletonOrThrow());
        }
    }

    /** The logit of class {@code c} for each image. */
    public static double[] logit(Block net, float[][] images, int c, NDManager manager) {
        double[][] z = logits(net, images, manager);
        double[] v = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            v[i] = z[i][c];
        }
        return v;
    }

    /** The share of {@code images} whose largest logit under {@code net} is class {@code c}. */
    public static double shareClassifiedAs(Block net, float[][] images, int c, NDManager manager) {
        double hits = 0;
        for (double[] row : logits(net, images, manager)) {
            int best = 0;
            for (int j = 1; j < row.length; j++) {
                best = row[j] > row[best] ? j : best;
            }
            hits += best == c ? 1 : 0;
        }
        return hits / images.length;
    }

    /** The rows of {@code data} labelled {@code c}. */
    public static float[][] imagesOfClass(org.reprolab.data.LabeledData data, int c) {
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (data.label(i) == c) {
                rows.add(data.row(i));
            }
        }
        return rows.toArray(float[][]::new);
    }

    /** The mean Pearson correlation of the pixels over all pairs of images: lower means more diverse. */
    public static double meanPairwiseCorrelation(float[][] images) {
        double s = 0;
        int pairs = 0;
        for (int i = 0; i < images.length; i++) {
            for (int j = i + 1; j < images.length; j++) {
                s += Correlation.pearson(toDouble(images[i]), toDouble(images[j]));
                pairs++;
            }
        }
        return s / pairs;
    }

    static double[] project(double[] a, double[] mean, double[][] basis) {
        double[] z = new double[basis.length];
        for (int p = 0; p < basis.length; p++) {
            for (int j = 0; j < a.length; j++) {
                z[p] += (a[j] - mean[j]) * basis[p][j];
            }
        }
        return z;
    }

    static double[][] rows(NDArray a) {
        int n = (int) a.getShape().get(0);
        int d = (int) a.getShape().get(1);
        float[] f = a.toFloatArray();
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = f[i * d + j];
            }
        }
        return out;
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
