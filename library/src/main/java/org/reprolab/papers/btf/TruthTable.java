package org.reprolab.papers.btf;

import java.util.function.Function;

/**
 * Rows of ±1 data inputs with their ±1 target outputs (+1 stands for true). A complete truth table has all
 * \(2^n\) input rows; a subset is a training or test set.
 *
 * @param inputs {@code rows × n} inputs, each ±1
 * @param outputs {@code rows × m} targets, each ±1
 */
public record TruthTable(double[][] inputs, double[][] outputs) {

    /** Checks shapes and values. */
    public TruthTable {
        if (inputs.length != outputs.length || inputs.length == 0) {
            throw new IllegalArgumentException("need the same positive number of input and output rows");
        }
        for (int r = 0; r < inputs.length; r++) {
            checkPm1(inputs[r], inputs[0].length, "input");
            checkPm1(outputs[r], outputs[0].length, "output");
        }
    }

    /** The complete truth table of {@code f} over all \(2^n\) inputs; row r has bit i of r as input i. */
    public static TruthTable of(int n, Function<double[], double[]> f) {
        int rows = 1 << n;
        double[][] in = new double[rows][];
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            in[r] = bits(r, n);
            out[r] = f.apply(in[r].clone());
        }
        return new TruthTable(in, out);
    }

    /**
     * The multiplier of two {@code bits}-bit numbers: inputs a (bits 0..b-1, least significant first) and b,
     * outputs the 2·bits bits of a·b, least significant first.
     */
    public static TruthTable multiplier(int bits) {
        return of(2 * bits, x -> {
            int a = toInt(x, 0, bits);
            int b = toInt(x, bits, bits);
            return bits(a * b, 2 * bits);
        });
    }

    /**
     * An elementary cellular automaton's update seen through a window of {@code window} (odd) cells: the output
     * is Wolfram rule {@code rule} applied to the middle three cells (left, centre, right); the other cells are
     * distractors the learner is not told to ignore.
     */
    public static TruthTable cellularAutomaton(int rule, int window) {
        if (window < 3 || window % 2 == 0) {
            throw new IllegalArgumentException("window must be odd and at least 3");
        }
        int mid = window / 2;
        return of(window, x -> {
            int index = (x[mid - 1] > 0 ? 4 : 0) + (x[mid] > 0 ? 2 : 0) + (x[mid + 1] > 0 ? 1 : 0);
            return new double[] {((rule >> index) & 1) == 1 ? 1 : -1};
        });
    }

    /** The rows with the given indices. */
    public TruthTable subset(int[] rows) {
        double[][] in = new double[rows.length][];
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            in[i] = inputs[rows[i]];
            out[i] = outputs[rows[i]];
        }
        return new TruthTable(in, out);
    }

    /** Number of rows. */
    public int rows() {
        return inputs.length;
    }

    /** Number of inputs per row. */
    public int inputCount() {
        return inputs[0].length;
    }

    /** Number of outputs per row. */
    public int outputCount() {
        return outputs[0].length;
    }

    /** Inputs of row r (not a copy). */
    public double[] input(int r) {
        return inputs[r];
    }

    /** Targets of row r (not a copy). */
    public double[] output(int r) {
        return outputs[r];
    }

    /** The n bits of {@code value} as ±1, least significant first. */
    public static double[] bits(int value, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = ((value >> i) & 1) == 1 ? 1 : -1;
        }
        return x;
    }

    private static int toInt(double[] x, int from, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            if (x[from + i] > 0) {
                v |= 1 << i;
            }
        }
        return v;
    }

    private static void checkPm1(double[] row, int length, String what) {
        if (row.length != length) {
            throw new IllegalArgumentException("ragged " + what + " rows");
        }
        for (double v : row) {
            if (v != 1 && v != -1) {
                throw new IllegalArgumentException(what + " values must be ±1, got " + v);
            }
        }
    }
}
