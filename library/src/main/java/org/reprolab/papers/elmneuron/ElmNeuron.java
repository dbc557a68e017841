package org.reprolab.papers.elmneuron;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.reprolab.engine.Interrupts;
import org.reprolab.engine.NdConstants;

/**
 * The Expressive Leaky Memory (ELM) neuron (Spieler et al. 2024, v1: one synaptic trace per input, no branches),
 * with a linear readout of its memory at the last time step. One step, Δt = 1 (numbering ours):
 *
 * <pre>
 *   s_t  = κ_s ⊙ s_{t−1} + ReLU(θ_s) ⊙ x_t                         κ_s = exp(−1/τ_s)          (1)
 *   Δm_t = 1.7159 · tanh( (2/3) · MLP([s_t ; κ_m ⊙ m_{t−1}]) )     MLP: d_in+d_m → 2·d_m → d_m, ReLU (2)
 *   m_t  = κ_m ⊙ m_{t−1} + (1 − κ_λ) ⊙ Δm_t                          κ_m = exp(−1/τ_m), κ_λ = exp(−λ/τ_m) (3)
 *   y    = W_y m_T + b_y                                                                        (4)
 * </pre>
 *
 * The memory timescales τ_m start log-spaced in [τ_min, τ_max]; with {@link Builder#optLearnableTimescales} they
 * are learned as τ = τ_min + (τ_max − τ_min)·σ(θ), so they can never leave that interval: cutting τ_max cuts the
 * neuron's longest memory. Defaults are the reference code's: τ_s = 5, λ = 5, θ_s = 0.5, τ ∈ [1, 1000].
 * The input is a sequence (B, T, d_in), or (B, T·d_in) flattened time-major.
 *
 * <pre>{@code
 * ElmNeuron elm = ElmNeuron.builder().setInputs(5).setMemory(10).setOutputs(4).optTauMax(1000).build();
 * }</pre>
 */
public final class ElmNeuron extends AbstractBlock {

    /** LeCun's scaled tanh, 1.7159·tanh(2x/3). */
    static final double TANH_SCALE = 1.7159;
    static final double TANH_SLOPE = 2.0 / 3.0;

    private final int inputs;
    private final int memory;
    private final int outputs;
    private final double tauMin;
    private final double tauMax;
    private final double tauSynapse;
    private final double lambda;
    private final boolean learnable;
    private final Parameter synapse;
    private final Parameter tau;
    private final Linear hidden;
    private final Linear delta;
    private final Linear readout;

    private ElmNeuron(Builder b) {
        this.inputs = b.inputs;
        this.memory = b.memory;
        this.outputs = b.outputs;
        this.tauMin = b.tauMin;
        this.tauMax = b.tauMax;
        this.tauSynapse = b.tauSynapse;
        this.lambda = b.lambda;
        this.learnable = b.learnable;
        this.synapse = addParameter(Parameter.builder().setName("synapse").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(inputs)).optInitializer((m, shape, type) -> m.full(shape, 0.5f, type)).build());
        double[] init = initialTimescales(memory, tauMin, tauMax);
        this.tau = addParameter(Parameter.builder().setName("tau").setType(Parameter.Type.OTHER)
                .optShape(new Shape(memory)).optRequiresGrad(learnable)
                .optInitializer((m, shape, type) -> m.create(learnable ? logits(init, tauMin, tauMax) : init)
                        .toType(type, false)).build());
        this.hidden = addChildBlock("mlp_hidden", Linear.builder().setUnits(2L * memory).build());
        this.delta = addChildBlock("mlp_out", Linear.builder().setUnits(memory).build());
        this.readout = addChildBlock("readout", Linear.builder().setUnits(outputs).build());
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code d} timescales log-spaced from {@code min} to {@code max} (the reference code's initialisation). */
    public static double[] initialTimescales(int d, double min, double max) {
        double[] t = new double[d];
        for (int i = 0; i < d; i++) {
            t[i] = d == 1 ? max : Math.exp(Math.log(min) + (Math.log(max) - Math.log(min)) * i / (d - 1));
        }
        return t;
    }

    private static double[] logits(double[] taus, double min, double max) {
        double[] th = new double[taus.length];
        for (int i = 0; i < taus.length; i++) {
            double p = Math.min(1 - 1e-3, Math.max(1e-3, (taus[i] - min) / (max - min)));
            th[i] = Math.log(p / (1 - p));
        }
        return th;
    }

    /** The MLP's hidden layer (d_in + d_m → 2·d_m). */
    Linear hiddenLayer() {
        return hidden;
    }

    /** The MLP's output layer (2·d_m → d_m). */
    Linear deltaLayer() {
        return delta;
    }

    /** The synaptic weights θ_s before the ReLU. */
    double[] synapticWeights() {
        return synapse.getArray().toType(DataType.FLOAT64, false).toDoubleArray();
    }

    /** The closed-form count of trainable parameters. */
    public static long parameterCount(int inputs, int memory, int outputs, boolean learnableTimescales) {
        long h = 2L * memory;
        return inputs + (inputs + memory) * h + h + h * memory + memory + (long) memory * outputs + outputs
                + (learnableTimescales ? memory : 0);
    }

    /** Memory units d_m. */
    public int memoryUnits() {
        return memory;
    }

    /** The longest timescale the memory can reach, τ_max. */
    public double tauMax() {
        return tauMax;
    }

    /** The current memory timescales τ_m (after training, if learnable), in unit order. */
    public double[] timescales() {
        return timescales(tau.getArray()).toType(DataType.FLOAT64, false).toDoubleArray();
    }

    private NDArray timescales(NDArray t) {
        if (!learnable) {
            return t;
        }
        NDArray lo = NdConstants.scalar(t, tauMin);
        NDArray span = NdConstants.scalar(t, tauMax - tauMin);
        return Activation.sigmoid(t).mul(span).add(lo);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        List<NDArray> trace = run(ps, inputs.singletonOrThrow(), training, false);
        NDArray last = trace.get(trace.size() - 1);
        return readout.forward(ps, new NDList(last), training);
    }

    /**
     * The memory m_t (B, T, d_m) at every step of a sequence, in inference mode: what the figures plot.
     */
    public NDArray memoryTrace(ParameterStore ps, NDArray x) {
        return NDArrays.stack(new NDList(run(ps, x, false, true)), 1);
    }

    private List<NDArray> run(ParameterStore ps, NDArray input, boolean training, boolean keepAll) {
        NDArray x = sequence(input);
        long batch = x.getShape().get(0);
        int steps = (int) x.getShape().get(1);
        NDArray w = Activation.relu(ps.getValue(synapse, x.getDevice(), training));
        NDArray t = timescales(ps.getValue(tau, x.getDevice(), training));
        NDArray one = NdConstants.scalar(t, 1);
        NDArray kappaM = one.div(t).neg().exp();                                           // κ_m = exp(−1/τ_m)
        NDArray write = one.sub(NdConstants.scalar(t, lambda).div(t).neg().exp());         // 1 − κ_λ
        NDArray kappaS = NdConstants.scalar(x, Math.exp(-1 / tauSynapse));
        NDArray scale = NdConstants.scalar(x, TANH_SCALE);
        NDArray slope = NdConstants.scalar(x, TANH_SLOPE);
        NDArray s = x.getManager().zeros(new Shape(batch, inputs), x.getDataType());
        NDArray m = x.getManager().zeros(new Shape(batch, memory), x.getDataType());
        List<NDArray> out = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            Interrupts.check();
            NDArray xt = x.get(":, " + step + ", :");
            s = s.mul(kappaS).add(xt.mul(w));                                              // Eq. (1)
            NDArray decayed = m.mul(kappaM);
            NDArray z = hidden.forward(ps, new NDList(s.concat(decayed, 1)), training).singletonOrThrow();
            z = delta.forward(ps, new NDList(Activation.relu(z)), training).singletonOrThrow();
            NDArray dm = z.mul(slope).tanh().mul(scale);                                   // Eq. (2)
            m = decayed.add(dm.mul(write));                                                // Eq. (3)
            if (keepAll || step == steps - 1) {
                out.add(m);
            }
        }
        return out;
    }

    private NDArray sequence(NDArray x) {
        return x.getShape().dimension() == 3 ? x : x.reshape(x.getShape().get(0), -1, inputs);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        hidden.initialize(manager, dataType, new Shape(batch, inputs + memory));
        delta.initialize(manager, dataType, new Shape(batch, 2L * memory));
        readout.initialize(manager, dataType, new Shape(batch, memory));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outputs)};
    }

    /** Builds an {@link ElmNeuron}. */
    public static final class Builder {
        private int inputs;
        private int memory;
        private int outputs;
        private double tauMin = 1;
        private double tauMax = 1000;
        private double tauSynapse = 5;
        private double lambda = 5;
        private boolean learnable;

        /** Input channels d_in (required). */
        public Builder setInputs(int inputs) {
            this.inputs = inputs;
            return this;
        }

        /** Memory units d_m (required; the reference code's default is 100). */
        public Builder setMemory(int memory) {
            this.memory = memory;
            return this;
        }

        /** Readout outputs (required). */
        public Builder setOutputs(int outputs) {
            this.outputs = outputs;
            return this;
        }

        /** The shortest memory timescale τ_min (default 1). */
        public Builder optTauMin(double tauMin) {
            this.tauMin = tauMin;
            return this;
        }

        /** The longest memory timescale τ_max (default 1000). */
        public Builder optTauMax(double tauMax) {
            this.tauMax = tauMax;
            return this;
        }

        /** The synaptic trace's timescale τ_s (default 5). */
        public Builder optTauSynapse(double tauSynapse) {
            this.tauSynapse = tauSynapse;
            return this;
        }

        /** The write-rate factor λ of κ_λ = exp(−λ/τ_m) (default 5). */
        public Builder optLambda(double lambda) {
            this.lambda = lambda;
            return this;
        }

        /** Whether the timescales are learned within [τ_min, τ_max] (default: fixed, as in the reference code). */
        public Builder optLearnableTimescales(boolean learnable) {
            this.learnable = learnable;
            return this;
        }

        /** Builds the neuron. */
        public ElmNeuron build() {
            if (inputs < 1 || memory < 1 || outputs < 1) {
                throw new IllegalArgumentException("inputs, memory and outputs must be positive");
            }
            if (!(tauMin > 0 && tauMax > tauMin)) {
                throw new IllegalArgumentException("need 0 < tauMin < tauMax, got " + tauMin + ", " + tauMax);
            }
            return new ElmNeuron(this);
        }
    }
}
