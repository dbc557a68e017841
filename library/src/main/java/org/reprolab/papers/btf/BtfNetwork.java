package org.reprolab.papers.btf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The architecture of a network of Boolean threshold functions (BTFs): every value is ±1, and node j computes
 *
 * <p>\[ y_j = \operatorname{sgn}(w_j \cdot x_j), \qquad \operatorname{sgn}(0) = +1, \]
 *
 * <p>where \(x_j\) lists the node's sources (data inputs or earlier nodes) followed, when the network has a bias,
 * by the constant +1. Nodes are numbered in topological order; a source is a <em>line</em>: lines
 * {@code 0..inputs-1} are the data inputs and line {@code inputs + j} is the output of node j. Weights are a
 * {@code double[nodes][]} array, node j's of length {@link #fanIn(int)}, the bias weight last.
 *
 * <pre>{@code
 * BtfNetwork net = BtfNetwork.layered(4, new int[] {8}, 4, true);   // 4 inputs → 8 hidden → 4 outputs, with bias
 * double[] values = net.forward(weights, x);                         // every node's ±1 value
 * }</pre>
 */
public final class BtfNetwork {

    private final int inputs;
    private final int[][] sources;
    private final int[] outputs;
    private final boolean bias;

    private BtfNetwork(int inputs, int[][] sources, int[] outputs, boolean bias) {
        this.inputs = inputs;
        this.sources = sources;
        this.outputs = outputs;
        this.bias = bias;
    }

    /** A builder: {@code setInputs}, at least one {@code addNode} and {@code setOutputs} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A layered network with full connections between consecutive layers: {@code inputs} data inputs, hidden
     * layers of the given widths, then {@code outputs} output nodes.
     */
    public static BtfNetwork layered(int inputs, int[] hidden, int outputs, boolean bias) {
        Builder b = builder().setInputs(inputs).optBias(bias);
        int[] previous = range(0, inputs);
        for (int width : hidden) {
            int[] layer = new int[width];
            for (int u = 0; u < width; u++) {
                layer[u] = inputs + b.addNode(previous);
            }
            previous = layer;
        }
        int[] out = new int[outputs];
        for (int u = 0; u < outputs; u++) {
            out[u] = b.addNode(previous);
        }
        return b.setOutputs(out).build();
    }

    /** Number of data inputs. */
    public int inputs() {
        return inputs;
    }

    /** Number of BTF nodes. */
    public int nodes() {
        return sources.length;
    }

    /** Whether every node has a bias weight on a constant +1 input (its last weight). */
    public boolean bias() {
        return bias;
    }

    /** The lines feeding node j (without the bias). */
    public int[] sources(int j) {
        return sources[j].clone();
    }

    /** Number of weights of node j: its sources, plus one for the bias. */
    public int fanIn(int j) {
        return sources[j].length + (bias ? 1 : 0);
    }

    /** The nodes read as the network's outputs, in order. */
    public int[] outputs() {
        return outputs.clone();
    }

    /** Total number of weights. */
    public int weightCount() {
        int n = 0;
        for (int j = 0; j < nodes(); j++) {
            n += fanIn(j);
        }
        return n;
    }

    /** The ±1 value of every node for data input {@code x}: \(y_j = \operatorname{sgn}(w_j \cdot x_j)\). */
    public double[] forward(double[][] weights, double[] x) {
        double[] lines = new double[inputs + nodes()];
        System.arraycopy(x, 0, lines, 0, inputs);
        double[] y = new double[nodes()];
        for (int j = 0; j < nodes(); j++) {
            double[] w = weights[j];
            int[] src = sources[j];
            double a = bias ? w[src.length] : 0;
            for (int i = 0; i < src.length; i++) {
                a += w[i] * lines[src[i]];
            }
            y[j] = a >= 0 ? 1 : -1;                         // Eq. (1): y_j = sgn(w_j · x_j)
            lines[inputs + j] = y[j];
        }
        return y;
    }

    /** The network's outputs for data input {@code x}. */
    public double[] outputs(double[][] weights, double[] x) {
        double[] y = forward(weights, x);
        double[] out = new double[outputs.length];
        for (int o = 0; o < outputs.length; o++) {
            out[o] = y[outputs[o]];
        }
        return out;
    }

    /** Number of rows of {@code table} on which every output of the network is right. */
    public int correctRows(double[][] weights, TruthTable table) {
        int ok = 0;
        for (int r = 0; r < table.rows(); r++) {
            if (Arrays.equals(outputs(weights, table.input(r)), table.output(r))) {
                ok++;
            }
        }
        return ok;
    }

    /** Whether the network reproduces every row of {@code table} exactly. */
    public boolean computes(double[][] weights, TruthTable table) {
        for (int r = 0; r < table.rows(); r++) {
            if (!Arrays.equals(outputs(weights, table.input(r)), table.output(r))) {
                return false;
            }
        }
        return true;
    }

    /** The network's truth table over all \(2^{inputs}\) data inputs. */
    public TruthTable truthTable(double[][] weights) {
        return TruthTable.of(inputs, x -> outputs(weights, x));
    }

    /**
     * The smallest normalised margin of the network over the rows of {@code table}: \(\min_{j,x} y_j (w_j \cdot
     * x_j) / \max_i |w_{ji}|\), the maximum over input weights (not the bias), each node's inputs as the network
     * computes them. It is at most 1 for any node whose output flips between two rows that differ in one input.
     */
    public double margin(double[][] weights, TruthTable table) {
        double min = Double.POSITIVE_INFINITY;
        double[] lines = new double[inputs + nodes()];
        for (int r = 0; r < table.rows(); r++) {
            System.arraycopy(table.input(r), 0, lines, 0, inputs);
            for (int j = 0; j < nodes(); j++) {
                double[] w = weights[j];
                int[] src = sources[j];
                double a = bias ? w[src.length] : 0;
                double scale = 0;
                for (int i = 0; i < src.length; i++) {
                    a += w[i] * lines[src[i]];
                    scale = Math.max(scale, Math.abs(w[i]));
                }
                double y = a >= 0 ? 1 : -1;
                lines[inputs + j] = y;
                min = Math.min(min, y * a / scale);
            }
        }
        return min;
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** Builder for {@link BtfNetwork}. */
    public static final class Builder {
        private int inputs = -1;
        private final List<int[]> sources = new ArrayList<>();
        private int[] outputs;
        private boolean bias = true;

        private Builder() {}

        /** Number of data inputs (lines 0..n-1). */
        public Builder setInputs(int n) {
            this.inputs = n;
            return this;
        }

        /** Adds a node reading the given lines; returns its node index (its line is inputs + index). */
        public int addNode(int... lines) {
            sources.add(lines.clone());
            return sources.size() - 1;
        }

        /** The output nodes (node indices, not lines). */
        public Builder setOutputs(int... nodes) {
            this.outputs = nodes.clone();
            return this;
        }

        /** Whether every node gets a bias weight on a constant +1 input; default true. */
        public Builder optBias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /** Checks the topology (sources precede their node) and builds the network. */
        public BtfNetwork build() {
            if (inputs < 1) {
                throw new IllegalArgumentException("setInputs: need at least one data input");
            }
            if (sources.isEmpty() || outputs == null || outputs.length == 0) {
                throw new IllegalArgumentException("need at least one node and one output");
            }
            int[][] src = sources.toArray(new int[0][]);
            for (int j = 0; j < src.length; j++) {
                if (src[j].length == 0 && !bias) {
                    throw new IllegalArgumentException("node " + j + " has no inputs");
                }
                for (int line : src[j]) {
                    if (line < 0 || line >= inputs + j) {
                        throw new IllegalArgumentException("node " + j + " reads line " + line
                                + ", which is not a data input or an earlier node");
                    }
                }
            }
            for (int o : outputs) {
                if (o < 0 || o >= src.length) {
                    throw new IllegalArgumentException("output node " + o + " does not exist");
                }
            }
            return new BtfNetwork(inputs, src, outputs, bias);
        }
    }
}
