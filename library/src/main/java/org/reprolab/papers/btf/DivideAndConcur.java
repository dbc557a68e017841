package org.reprolab.papers.btf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The divide-and-concur formulation of learning a {@link BtfNetwork} from a {@link TruthTable}: the network is
 * replicated once per row, every replica holding its own copies of all weights and values, and learning becomes
 * the feasibility problem \(z \in A \cap B\) with
 *
 * <ul>
 *   <li><b>A (divide)</b>: in every replica, every node satisfies its BTF constraint with margin,
 *       \(y\,(w \cdot x) \ge \mu\rho\), with y = ±1 and the copies x of upstream values ±1
 *       ({@link BtfConstraint#projectBoolean}); data inputs and the bias input are constants, and an output
 *       node's y is its target. A is a product of small sets: \(P_A\) projects each (replica, node) block
 *       separately, exactly.</li>
 *   <li><b>B (concur)</b>: the copies agree. A node's weight copies across replicas are equal, with every
 *       input weight in \([-\rho, \rho]\) and the bias free (\(P_B\): average, then clip); a node's output and
 *       the copies of it read downstream in the same replica are equal and ±1 (\(P_B\): the sign of their sum);
 *       output nodes equal the row's targets.</li>
 * </ul>
 *
 * <p>A point of A ∩ B is a single network (the agreed weights) that computes every row, each node with margin
 * at least μρ. <b>Why this normalisation</b> (ours; the paper's exact one was not available to us): with
 * \(|w_i| \le \rho\), flipping input i moves \(w \cdot x\) by at most 2ρ, so a node whose output flips has
 * margin at most ρ: μ ∈ (0, 1]. At μ = 1 on a complete truth table every input weight of a non-constant node
 * is 0 or ±ρ: if \(0 < |w_k| < \rho\), the node cannot depend on \(x_k\) (that flip would leave a margin below
 * ρ), yet at a pair of rows where it flips on another input j (values exactly ±ρ) flipping \(x_k\) moves one of
 * the two values into (−ρ, ρ). So a large margin forces sparse ±1 weights (times ρ) and integer thresholds.
 *
 * <p>ρ also sets the metric: weights live on a scale ρ against values ±1. With
 * {@link Builder#optBooleanInputs optBooleanInputs(false)} the upstream copies in A are continuous
 * ({@link BtfConstraint#project}, cost linear in the fan-in instead of \(2^k\)) and B averages value copies
 * instead of rounding them; A ∩ B is the same set.
 *
 * <p>Layout of z: replica after replica; within a replica, node after node, each block being
 * {@code [w (fanIn) | x copies (one per node source, in source order) | y]}. The projections keep scratch
 * buffers: use one instance per thread.
 */
public final class DivideAndConcur {

    /** Largest number of upstream inputs of a node for the exact Boolean projection (2^k patterns). */
    public static final int MAX_BOOLEAN_FAN_IN = 20;

    private final BtfNetwork net;
    private final TruthTable table;
    private final double margin;
    private final double rho;
    private final boolean booleanInputs;
    private final int replicaSize;
    private final int[] nodeOffset;        // start of node j's block within a replica
    private final boolean[][] freeInput;   // per node: which of the fanIn inputs are upstream copies
    private final int[][] copyPositions;   // per node: positions (within a replica) of its value copies, y first
    private final double[][] fixedInput;   // per (row, node): the input vector with data and bias filled in
    private final int[] target;            // per node: output column it is clamped to, or −1

    private DivideAndConcur(Builder b) {
        this.net = b.net;
        this.table = b.table;
        this.margin = b.margin;
        this.rho = b.rho;
        this.booleanInputs = b.booleanInputs;
        int nodes = net.nodes();
        int n0 = net.inputs();
        nodeOffset = new int[nodes];
        freeInput = new boolean[nodes][];
        List<List<Integer>> copies = new ArrayList<>();
        for (int j = 0; j < nodes; j++) {
            copies.add(new ArrayList<>());
        }
        int[] yPos = new int[nodes];
        int off = 0;
        for (int j = 0; j < nodes; j++) {
            nodeOffset[j] = off;
            int[] src = net.sources(j);
            int fan = net.fanIn(j);
            freeInput[j] = new boolean[fan];
            int xPos = off + fan;
            int upstream = 0;
            for (int i = 0; i < src.length; i++) {
                if (src[i] >= n0) {
                    freeInput[j][i] = true;
                    copies.get(src[i] - n0).add(xPos++);     // a downstream copy of node src[i] − n0
                    upstream++;
                }
            }
            if (booleanInputs && upstream > MAX_BOOLEAN_FAN_IN) {
                throw new IllegalArgumentException("node " + j + " reads " + upstream + " nodes; the Boolean "
                        + "projection enumerates 2^k patterns (k ≤ " + MAX_BOOLEAN_FAN_IN + "): use "
                        + "optBooleanInputs(false)");
            }
            yPos[j] = xPos;
            off = xPos + 1;
        }
        replicaSize = off;
        copyPositions = new int[nodes][];
        for (int j = 0; j < nodes; j++) {
            List<Integer> c = copies.get(j);
            copyPositions[j] = new int[c.size() + 1];
            copyPositions[j][0] = yPos[j];
            for (int k = 0; k < c.size(); k++) {
                copyPositions[j][k + 1] = c.get(k);
            }
        }
        fixedInput = new double[table.rows() * nodes][];
        for (int r = 0; r < table.rows(); r++) {
            for (int j = 0; j < nodes; j++) {
                int[] src = net.sources(j);
                double[] x = new double[net.fanIn(j)];
                for (int i = 0; i < src.length; i++) {
                    x[i] = src[i] < n0 ? table.input(r)[src[i]] : 0;
                }
                if (net.bias()) {
                    x[src.length] = 1;                       // the constant bias input
                }
                fixedInput[r * nodes + j] = x;
            }
        }
        target = new int[nodes];
        Arrays.fill(target, -1);
        int[] outs = net.outputs();
        for (int o = 0; o < outs.length; o++) {
            target[outs[o]] = o;
        }
    }

    /** A builder: {@code setNetwork} and {@code setTable} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The network. */
    public BtfNetwork network() {
        return net;
    }

    /** The rows. */
    public TruthTable table() {
        return table;
    }

    /** The normalised margin μ. */
    public double margin() {
        return margin;
    }

    /** The weight scale ρ (input weights lie in [−ρ, ρ]). */
    public double weightScale() {
        return rho;
    }

    /** Length of z. */
    public int size() {
        return replicaSize * table.rows();
    }

    /** Offset of node j's block in replica r (its weights first). */
    public int blockOffset(int r, int j) {
        return r * replicaSize + nodeOffset[j];
    }

    /** \(P_A\): every (replica, node) block projected onto its BTF constraint with margin μρ. */
    public Projection divide() {
        int nodes = net.nodes();
        int maxFan = 0;
        for (int j = 0; j < nodes; j++) {
            maxFan = Math.max(maxFan, net.fanIn(j));
        }
        double[][] wj = new double[maxFan + 1][];
        double[][] xj = new double[maxFan + 1][];
        double[][] wo = new double[maxFan + 1][];
        double[][] xo = new double[maxFan + 1][];
        for (int n = 0; n <= maxFan; n++) {
            wj[n] = new double[n];
            xj[n] = new double[n];
            wo[n] = new double[n];
            xo[n] = new double[n];
        }
        double c = margin * rho;
        return (z, out) -> {
            for (int r = 0; r < table.rows(); r++) {
                int base = r * replicaSize;
                for (int j = 0; j < nodes; j++) {
                    boolean[] free = freeInput[j];
                    int fan = free.length;
                    int off = base + nodeOffset[j];
                    double[] fixed = fixedInput[r * nodes + j];
                    double[] bw = wj[fan];
                    double[] bx = xj[fan];
                    int xPos = off + fan;
                    for (int i = 0; i < fan; i++) {           // gather the block
                        bw[i] = z[off + i];
                        bx[i] = free[i] ? z[xPos++] : fixed[i];
                    }
                    double yIn = z[xPos];
                    double clamp = target[j] >= 0 ? table.output(r)[target[j]] : 0;
                    double y;
                    if (booleanInputs) {
                        y = BtfConstraint.projectBoolean(bw, bx, free, yIn, clamp, c, wo[fan], xo[fan]);
                    } else if (clamp != 0) {
                        BtfConstraint.projectWithSign(bw, bx, free, clamp, c, wo[fan], xo[fan]);
                        y = clamp;
                    } else {
                        y = BtfConstraint.project(bw, bx, free, yIn, c, wo[fan], xo[fan]);
                    }
                    xPos = off + fan;
                    for (int i = 0; i < fan; i++) {           // scatter it back
                        out[off + i] = wo[fan][i];
                        if (free[i]) {
                            out[xPos++] = xo[fan][i];
                        }
                    }
                    out[xPos] = y;
                }
            }
        };
    }

    /**
     * \(P_B\): weight copies averaged, input weights clipped to [−ρ, ρ]; value copies set to the sign of their
     * sum (ties to +1; their average with {@code optBooleanInputs(false)}), or to the target for output nodes.
     */
    public Projection concur() {
        int nodes = net.nodes();
        int rows = table.rows();
        return (z, out) -> {
            for (int j = 0; j < nodes; j++) {
                int fan = freeInput[j].length;
                int inputWeights = net.bias() ? fan - 1 : fan;
                for (int i = 0; i < fan; i++) {
                    double mean = 0;
                    for (int r = 0; r < rows; r++) {
                        mean += z[r * replicaSize + nodeOffset[j] + i];
                    }
                    mean /= rows;                                      // copies agree: their average,
                    if (i < inputWeights) {
                        mean = Math.max(-rho, Math.min(rho, mean));    // Eq. (4): clipped to the box |w_i| ≤ ρ
                    }
                    for (int r = 0; r < rows; r++) {
                        out[r * replicaSize + nodeOffset[j] + i] = mean;
                    }
                }
                int[] pos = copyPositions[j];
                for (int r = 0; r < rows; r++) {
                    int base = r * replicaSize;
                    double v;
                    if (target[j] >= 0) {
                        v = table.output(r)[target[j]];                // clamped to the data
                    } else {
                        double sum = 0;
                        for (int p : pos) {
                            sum += z[base + p];
                        }
                        v = booleanInputs ? (sum >= 0 ? 1 : -1)          // nearest common ±1 value
                                : sum / pos.length;                      // nearest common real value
                    }
                    for (int p : pos) {
                        out[base + p] = v;
                    }
                }
            }
        };
    }

    /** A random start: weights uniform in [−ρ, ρ], values uniform in [−1, 1]. */
    public double[] randomStart(SplittableRandom rng) {
        double[] z = new double[size()];
        int nodes = net.nodes();
        for (int r = 0; r < table.rows(); r++) {
            int base = r * replicaSize;
            for (int j = 0; j < nodes; j++) {
                int off = base + nodeOffset[j];
                for (int i = 0; i < freeInput[j].length; i++) {
                    z[off + i] = rho * (2 * rng.nextDouble() - 1);
                }
                for (int p : copyPositions[j]) {
                    z[base + p] = 2 * rng.nextDouble() - 1;
                }
            }
        }
        return z;
    }

    /** The network's weights read from z: each node's weight copies averaged over replicas. */
    public double[][] weights(double[] z) {
        int nodes = net.nodes();
        double[][] w = new double[nodes][];
        for (int j = 0; j < nodes; j++) {
            int fan = freeInput[j].length;
            w[j] = new double[fan];
            for (int r = 0; r < table.rows(); r++) {
                int off = r * replicaSize + nodeOffset[j];
                for (int i = 0; i < fan; i++) {
                    w[j][i] += z[off + i] / table.rows();
                }
            }
        }
        return w;
    }

    /** The weights of replica 0: at a point of B all replicas agree, so this is the network, cheaply. */
    public double[][] weightsOfFirstReplica(double[] z) {
        double[][] w = new double[net.nodes()][];
        for (int j = 0; j < w.length; j++) {
            w[j] = Arrays.copyOfRange(z, nodeOffset[j], nodeOffset[j] + freeInput[j].length);
        }
        return w;
    }

    /** Builder for {@link DivideAndConcur}. */
    public static final class Builder {
        private BtfNetwork net;
        private TruthTable table;
        private double margin = 0.5;
        private double rho = 6;
        private boolean booleanInputs = true;

        private Builder() {}

        /** The architecture (required). */
        public Builder setNetwork(BtfNetwork net) {
            this.net = net;
            return this;
        }

        /** The rows to reproduce (required). */
        public Builder setTable(TruthTable table) {
            this.table = table;
            return this;
        }

        /** Normalised margin μ in (0, 1]: \(y(w \cdot x) \ge \mu\rho\) at every node; default 0.5. */
        public Builder optMargin(double margin) {
            this.margin = margin;
            return this;
        }

        /** Weight scale ρ > 0: input weights in [−ρ, ρ], against values ±1; default 6. */
        public Builder optWeightScale(double rho) {
            this.rho = rho;
            return this;
        }

        /**
         * Whether upstream copies are ±1 in A (the BTF constraint proper, cost \(2^k\) per block) or continuous
         * (cost linear in k, for wide layers); default true.
         */
        public Builder optBooleanInputs(boolean booleanInputs) {
            this.booleanInputs = booleanInputs;
            return this;
        }

        /** Checks the settings and builds the formulation. */
        public DivideAndConcur build() {
            Objects.requireNonNull(net, "setNetwork: the architecture is required");
            Objects.requireNonNull(table, "setTable: the rows are required");
            if (table.inputCount() != net.inputs() || table.outputCount() != net.outputs().length) {
                throw new IllegalArgumentException("table has " + table.inputCount() + " inputs and "
                        + table.outputCount() + " outputs; the network " + net.inputs() + " and "
                        + net.outputs().length);
            }
            if (!(margin > 0 && margin <= 1)) {
                throw new IllegalArgumentException("the normalised margin μ must be in (0, 1], got " + margin);
            }
            if (!(rho > 0)) {
                throw new IllegalArgumentException("the weight scale ρ must be positive, got " + rho);
            }
            return new DivideAndConcur(this);
        }
    }
}
