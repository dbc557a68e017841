package org.reprolab.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A classification dataset in memory: {@code rows × cols} features (row-major) and integer labels.
 * Images are stored as their unsigned bytes and read as value/255 (a quarter of the memory of floats, and
 * converted to float32 on the engine's side); everything else as floats. Operations return new datasets; the
 * arrays are never shared for writing.
 */
public final class LabeledData {

    private final String name;
    private final float[] x;   // null when the features are bytes
    private final byte[] u8;   // unsigned bytes, feature = value / 255; null when the features are floats
    private final int[] y;
    private final int rows;
    private final int cols;
    private final List<String> classNames;

    /** A dataset; {@code x} has {@code y.length × cols} values. */
    public LabeledData(String name, float[] x, int[] y, int cols, List<String> classNames) {
        this(name, x, null, y, cols, classNames);
    }

    private LabeledData(String name, float[] x, byte[] u8, int[] y, int cols, List<String> classNames) {
        int values = x != null ? x.length : u8.length;
        if (cols <= 0 || values != (long) y.length * cols) {
            throw new IllegalArgumentException(name + ": " + values + " values do not make " + y.length
                    + " rows of " + cols);
        }
        for (int label : y) {
            if (label < 0 || label >= classNames.size()) {
                throw new IllegalArgumentException(name + ": label " + label + " outside 0.."
                        + (classNames.size() - 1));
            }
        }
        this.name = name;
        this.x = x;
        this.u8 = u8;
        this.y = y;
        this.rows = y.length;
        this.cols = cols;
        this.classNames = List.copyOf(classNames);
    }

    /** A dataset of unsigned bytes (e.g. pixels), read as value / 255; {@code pixels} has {@code y.length × cols}. */
    public static LabeledData ofBytes(String name, byte[] pixels, int[] y, int cols, List<String> classNames) {
        return new LabeledData(name, null, pixels, y, cols, classNames);
    }

    /** Class names "0".."k-1". */
    public static List<String> numberedClasses(int k) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    /** Name, e.g. {@code fashion-mnist/train}. */
    public String name() {
        return name;
    }

    /** Number of examples. */
    public int size() {
        return rows;
    }

    /** Number of features. */
    public int features() {
        return cols;
    }

    /** Number of classes. */
    public int classes() {
        return classNames.size();
    }

    /** Class names. */
    public List<String> classNames() {
        return classNames;
    }

    /** Label of example {@code i}. */
    public int label(int i) {
        return y[i];
    }

    /** Feature {@code j} of example {@code i}. */
    public float feature(int i, int j) {
        return x != null ? x[i * cols + j] : (u8[i * cols + j] & 0xff) / 255f;
    }

    /** A copy of example {@code i}'s features. */
    public float[] row(int i) {
        float[] r = new float[cols];
        for (int j = 0; j < cols; j++) {
            r[j] = feature(i, j);
        }
        return r;
    }

    /** A copy of all features, row-major. */
    public float[] featuresArray() {
        if (x != null) {
            return x.clone();
        }
        float[] f = new float[u8.length];
        for (int k = 0; k < f.length; k++) {
            f[k] = (u8[k] & 0xff) / 255f;
        }
        return f;
    }

    /** A copy of all labels. */
    public int[] labelsArray() {
        return y.clone();
    }

    /** The examples at {@code idx}, in that order. */
    public LabeledData select(int[] idx) {
        Object src = x != null ? x : u8;
        Object dst = x != null ? new float[idx.length * cols] : new byte[idx.length * cols];
        int[] ny = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            System.arraycopy(src, idx[k] * cols, dst, k * cols, cols);
            ny[k] = y[idx[k]];
        }
        return new LabeledData(name, x != null ? (float[]) dst : null, x != null ? null : (byte[]) dst, ny, cols,
                classNames);
    }

    /** The first {@code n} examples (all if fewer). */
    public LabeledData head(int n) {
        int m = Math.min(n, rows);
        return new LabeledData(name, x != null ? Arrays.copyOf(x, m * cols) : null,
                x != null ? null : Arrays.copyOf(u8, m * cols), Arrays.copyOf(y, m), cols, classNames);
    }

    /** A seeded random sample of {@code n} examples, balanced across classes as far as they allow. */
    public LabeledData sample(int n, SplittableRandom rng) {
        if (n >= rows) {
            return shuffle(rng);
        }
        int[][] byClass = indicesByClass(rng);
        int[] out = new int[n];
        int k = 0;
        int[] next = new int[byClass.length];
        while (k < n) {
            for (int c = 0; c < byClass.length && k < n; c++) {
                if (next[c] < byClass[c].length) {
                    out[k++] = byClass[c][next[c]++];
                }
            }
        }
        shuffleInPlace(out, rng);
        return select(out);
    }

    /** The examples in a seeded random order. */
    public LabeledData shuffle(SplittableRandom rng) {
        return select(permutation(rows, rng));
    }

    /**
     * A seeded split with every class represented in proportion: {@code testFraction} of each class goes to
     * the test part.
     */
    public Split split(double testFraction, SplittableRandom rng) {
        int[][] byClass = indicesByClass(rng);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int[] idx : byClass) {
            int nTest = (int) Math.round(idx.length * testFraction);
            for (int i = 0; i < idx.length; i++) {
                (i < nTest ? test : train).add(idx[i]);
            }
        }
        int[] tr = train.stream().mapToInt(Integer::intValue).toArray();
        int[] te = test.stream().mapToInt(Integer::intValue).toArray();
        shuffleInPlace(tr, rng);
        shuffleInPlace(te, rng);
        return new Split(select(tr), select(te));
    }

    /** {@code k} stratified folds: fold {@code i} of the result is (train, test) with the i-th fold held out. */
    public List<Split> folds(int k, SplittableRandom rng) {
        int[][] byClass = indicesByClass(rng);
        List<List<Integer>> parts = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            parts.add(new ArrayList<>());
        }
        int turn = 0;
        for (int[] idx : byClass) {
            for (int i : idx) {
                parts.get(turn++ % k).add(i);
            }
        }
        List<Split> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Integer> tr = new ArrayList<>();
            for (int g = 0; g < k; g++) {
                if (g != f) {
                    tr.addAll(parts.get(g));
                }
            }
            out.add(new Split(select(tr.stream().mapToInt(Integer::intValue).toArray()),
                    select(parts.get(f).stream().mapToInt(Integer::intValue).toArray())));
        }
        return out;
    }

    /** Per-feature mean and standard deviation of this dataset (a constant feature gets deviation 1). */
    public Standardizer fitStandardizer() {
        double[] mean = new double[cols];
        double[] sd = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                mean[j] += feature(i, j);
            }
        }
        for (int j = 0; j < cols; j++) {
            mean[j] /= rows;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double d = feature(i, j) - mean[j];
                sd[j] += d * d;
            }
        }
        for (int j = 0; j < cols; j++) {
            sd[j] = Math.sqrt(sd[j] / rows);
            if (sd[j] < 1e-12) {
                sd[j] = 1;
            }
        }
        return new Standardizer(mean, sd);
    }

    /** This dataset with features transformed by {@code s}. */
    public LabeledData standardize(Standardizer s) {
        if (s.mean().length != cols) {
            throw new IllegalArgumentException("standardizer has " + s.mean().length + " features, data " + cols);
        }
        float[] nx = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                nx[i * cols + j] = (float) ((feature(i, j) - s.mean()[j]) / s.sd()[j]);
            }
        }
        return new LabeledData(name, nx, y, cols, classNames);
    }

    /** Features {@code (N, cols)} as a float32 NDArray owned by {@code manager}. */
    public NDArray featuresNd(NDManager manager) {
        if (x != null) {
            return manager.create(x, new Shape(rows, cols));
        }
        // Bytes cross to the engine as uint8 and become floats there: no float copy on the Java side.
        ByteBuffer buf = ByteBuffer.allocateDirect(u8.length);
        buf.put(u8).rewind();
        try (NDManager scope = manager.newSubManager()) {
            NDArray bytes = scope.create(buf, new Shape(rows, cols), DataType.UINT8);
            NDArray f = bytes.toType(DataType.FLOAT32, false).divi(255f);
            f.attach(manager);
            return f;
        }
    }

    /** Labels {@code (N)} as an int64 NDArray owned by {@code manager}. */
    public NDArray labelsNd(NDManager manager) {
        long[] l = new long[rows];
        for (int i = 0; i < rows; i++) {
            l[i] = y[i];
        }
        return manager.create(l);
    }

    /** Count of each class. */
    public int[] classCounts() {
        int[] c = new int[classes()];
        for (int label : y) {
            c[label]++;
        }
        return c;
    }

    @Override
    public String toString() {
        return name + ": " + rows + " examples × " + cols + " features, " + classes() + " classes";
    }

    /** A random permutation of {@code 0..n-1}. */
    public static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffleInPlace(p, rng);
        return p;
    }

    private static void shuffleInPlace(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private int[][] indicesByClass(SplittableRandom rng) {
        int[] counts = classCounts();
        int[][] byClass = new int[classes()][];
        for (int c = 0; c < byClass.length; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] fill = new int[classes()];
        for (int i = 0; i < rows; i++) {
            byClass[y[i]][fill[y[i]]++] = i;
        }
        for (int[] idx : byClass) {
            shuffleInPlace(idx, rng);
        }
        return byClass;
    }

    /**
     * A train/test pair.
     *
     * @param train training part
     * @param test held-out part
     */
    public record Split(LabeledData train, LabeledData test) {

        /** Both parts standardised with the training part's statistics. */
        public Split standardized() {
            Standardizer s = train.fitStandardizer();
            return new Split(train.standardize(s), test.standardize(s));
        }
    }

    /**
     * Per-feature affine standardisation {@code (x - mean) / sd}.
     *
     * @param mean per-feature mean
     * @param sd per-feature standard deviation
     */
    public record Standardizer(double[] mean, double[] sd) { }
}
