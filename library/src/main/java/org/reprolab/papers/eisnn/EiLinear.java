package org.reprolab.papers.eisnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import org.reprolab.engine.NdConstants;

/**
 * The excitatory-inhibitory (E-I) layer of Liu, Ding and Yu: n_E excitatory and n_I = n_E / 4 inhibitory units with
 * non-negative weights (Dale's law), subtractive and divisive (shunting) lateral inhibition in place of
 * normalisation. For an input x (N, d) ≥ 0:
 *
 * <pre>
 *   I_EE = x W_EEᵀ,   I_IE = x W_IEᵀ           excitatory and inhibitory drive     // Eq. (1) (numbering ours)
 *   I_bal = I_EE − I_IE W_EIᵀ                                 subtractive inhibition               // Eq. (2)
 *   I_sh  = (g_I ⊙ I_IE) W_EIᵀ                                divisive (shunting) inhibition       // Eq. (3)
 *   I     = g_E ⊙ I_bal / I_sh + b_E                          the integrated current              // Eq. (4)
 * </pre>
 *
 * An output layer emits I_bal. <b>E-I Init</b> ({@link #initFrom}) sets the weights from the moments of a batch of
 * the layer's input: W_EE, W_IE i.i.d. exponential with scale √(Var x / (d (E x² + Var x))), W_EI = 1/n_I,
 * g_I = √(E x² + Var x) / (√d E x) (the paper's Eq. 54), g_E = 1, b_E = 0, so that at initialisation I_bal has mean 0
 * (the inhibitory drive cancels the excitatory one on average) and I has unit scale. <b>E-I Prop</b>: the gradient
 * of W_EI is divided by d (its value unchanged), zeros of I_sh are replaced by the example's smallest non-zero
 * value (a constant in the backward pass), and {@link #clampWeights} restores W ≥ 0 after each optimizer step.
 * Before {@link #initFrom} the weights follow the same rule for nominal input moments (E x = 0.5, E x² = 0.5).
 */
public final class EiLinear extends AbstractBlock {

    /** The paper's ratio n_E / n_I. */
    public static final int EI_RATIO = 4;
    /** Nominal input moments used before {@link #initFrom}: those of fair coin-flip spikes. */
    static final double NOMINAL_MEAN = 0.5;
    static final double NOMINAL_SQUARE = 0.5;

    private final int excitatory;
    private final int inhibitory;
    private final boolean output;
    private final Parameter wEE;
    private final Parameter wIE;
    private final Parameter wEI;
    private final Parameter gI;
    private final Parameter gE;
    private final Parameter bE;

    /** The fan-in d, known once the input shape is. */
    private long d;

    private EiLinear(Builder b) {
        this.excitatory = b.units;
        this.inhibitory = Math.max(1, b.units / b.ratio);
        this.output = b.output;
        wEE = addParameter(Parameter.builder().setName("wEE").setType(Parameter.Type.WEIGHT)
                .optInitializer(exponential(NOMINAL_MEAN, NOMINAL_SQUARE)).build());
        wIE = addParameter(Parameter.builder().setName("wIE").setType(Parameter.Type.WEIGHT)
                .optInitializer(exponential(NOMINAL_MEAN, NOMINAL_SQUARE)).build());
        wEI = addParameter(Parameter.builder().setName("wEI").setType(Parameter.Type.WEIGHT)
                .optInitializer((m, s, t) -> m.ones(s, t).div(inhibitory)).build());
        gI = addParameter(Parameter.builder().setName("gI").setType(Parameter.Type.GAMMA)
                .optInitializer((m, s, t) -> m.ones(s, t).mul(inhibitoryGain(NOMINAL_MEAN, NOMINAL_SQUARE, d)))
                .build());
        gE = addParameter(Parameter.builder().setName("gE").setType(Parameter.Type.GAMMA)
                .optInitializer(Initializer.ONES).build());
        bE = addParameter(Parameter.builder().setName("bE").setType(Parameter.Type.BIAS)
                .optInitializer(Initializer.ZEROS).build());
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The exponential scale √(Var x / (d (E x² + Var x))) of W_EE and W_IE for input moments E x, E x². */
    public static double weightScale(double mean, double meanSquare, long d) {
        double var = meanSquare - mean * mean;
        return Math.sqrt(var / (d * (meanSquare + var)));
    }

    /** The inhibitory gain g_I = √(E x² + Var x) / (√d E x) (the paper's Eq. 54). */
    public static double inhibitoryGain(double mean, double meanSquare, long d) {
        double var = meanSquare - mean * mean;
        return Math.sqrt(meanSquare + var) / (Math.sqrt(d) * mean);
    }

    private Initializer exponential(double mean, double meanSquare) {
        return (m, s, t) -> {
            double scale = weightScale(mean, meanSquare, s.get(1));
            return m.randomUniform(1e-7f, 1f, s, t).log().neg().mul(scale);   // Exp(scale) by inversion
        };
    }

    /** Excitatory units n_E (the layer's output width). */
    public int excitatory() {
        return excitatory;
    }

    /** Inhibitory units n_I. */
    public int inhibitory() {
        return inhibitory;
    }

    /** Whether this is an output layer (emits I_bal). */
    public boolean isOutput() {
        return output;
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        d = inputShapes[0].get(inputShapes[0].dimension() - 1);
        wEE.setShape(new Shape(excitatory, d));
        wIE.setShape(new Shape(inhibitory, d));
        wEI.setShape(new Shape(excitatory, inhibitory));
        gI.setShape(new Shape(inhibitory));
        gE.setShape(new Shape(excitatory));
        bE.setShape(new Shape(excitatory));
    }

    /**
     * E-I Init from a batch x (N, d) of this layer's input: redraws W_EE and W_IE from the exponential of the batch's
     * moments and resets W_EI, g_I, g_E and b_E. Draws from the engine's random generator (seed it).
     */
    public void initFrom(NDArray x) {
        try (NDManager scope = x.getManager().newSubManager()) {
            NDArray xs = x.duplicate();
            xs.attach(scope);
            double mean = xs.mean().getFloat();
            double square = xs.square().mean().getFloat();
            long inputs = x.getShape().get(x.getShape().dimension() - 1);
            double scale = weightScale(mean, square, inputs);
            for (Parameter p : new Parameter[] {wEE, wIE}) {
                NDArray w = p.getArray();
                NDArray fresh = scope.randomUniform(1e-7f, 1f, w.getShape(), w.getDataType()).log().neg().mul(scale);
                w.muli(0).addi(fresh);
            }
            wEI.getArray().muli(0).addi(1.0 / inhibitory);
            gI.getArray().muli(0).addi(inhibitoryGain(mean, square, inputs));
            gE.getArray().muli(0).addi(1);
            bE.getArray().muli(0);
        }
    }

    /**
     * Sets one parameter ({@code wEE, wIE, wEI, gI, gE, bE}) to {@code values}, row-major in its shape: for
     * hand-built examples and tests. The layer must be initialised.
     */
    public void setParameter(String name, float... values) {
        for (Parameter p : new Parameter[] {wEE, wIE, wEI, gI, gE, bE}) {
            if (p.getName().equals(name)) {
                NDArray w = p.getArray();
                w.muli(0).addi(w.getManager().create(values, w.getShape()));
                return;
            }
        }
        throw new IllegalArgumentException("no parameter " + name);
    }

    /** Sets negative E-I weights (W_EE, W_IE, W_EI) to 0 in place: Dale's law after an optimizer step. */
    public void clampWeights() {
        for (Parameter p : new Parameter[] {wEE, wIE, wEI}) {
            NDArray w = p.getArray();
            try (NDManager scope = w.getManager().newSubManager()) {
                NDArray positive = w.gt(0).toType(w.getDataType(), false);
                positive.attach(scope);
                w.muli(positive);
            }
        }
    }

    /** The balanced current I_bal (N, n_E) for input x (N, d). */
    public NDArray balanced(NDArray x) {
        return balanced(x, inhibitoryWeights(x), x.matMul(wIE.getArray().transpose()));
    }

    private NDArray balanced(NDArray x, NDArray wei, NDArray iIE) {
        NDArray iEE = x.matMul(wEE.getArray().transpose());                     // Eq. (1)
        return iEE.sub(iIE.matMul(wei.transpose()));                            // Eq. (2)
    }

    /** W_EI with its gradient divided by d: value W, gradient (1/d)·∂L/∂W (E-I Prop). */
    private NDArray inhibitoryWeights(NDArray like) {
        NDArray w = wEI.getArray();
        double c = 1.0 / d;
        return w.mul(NdConstants.scalar(like, c)).add(w.stopGradient().mul(NdConstants.scalar(like, 1 - c)));
    }

    /** The shunting current with each zero replaced by the example's smallest non-zero value (a constant). */
    static NDArray stabilise(NDArray shunt) {
        NDArray s = shunt.stopGradient();
        NDArray zero = s.lte(0).toType(s.getDataType(), false);
        NDArray big = NdConstants.scalar(s, Float.MAX_VALUE);
        NDArray minNonZero = s.add(zero.mul(big)).min(new int[] {1}, true);      // (N, 1)
        NDArray none = minNonZero.gte(big).toType(s.getDataType(), false);      // no non-zero value: use 1
        NDArray fill = minNonZero.mul(none.neg().add(1)).add(none);
        return shunt.add(zero.mul(fill));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray wei = inhibitoryWeights(x);
        NDArray iIE = x.matMul(wIE.getArray().transpose());                    // Eq. (1)
        NDArray iBal = balanced(x, wei, iIE);                                   // Eq. (2)
        if (output) {
            return new NDList(iBal);
        }
        NDArray iSh = stabilise(iIE.mul(gI.getArray()).matMul(wei.transpose())); // Eq. (3)
        return new NDList(iBal.mul(gE.getArray()).div(iSh).add(bE.getArray()));  // Eq. (4)
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), excitatory)};
    }

    @Override
    public String toString() {
        return "EiLinear(" + excitatory + " E, " + inhibitory + " I" + (output ? ", output" : "") + ")";
    }

    /** Builds {@link EiLinear}. */
    public static final class Builder {
        private int units;
        private int ratio = EI_RATIO;
        private boolean output;

        /** Excitatory units n_E (required). */
        public Builder setUnits(int units) {
            this.units = units;
            return this;
        }

        /** n_E / n_I; default 4 (the paper's). */
        public Builder optRatio(int ratio) {
            this.ratio = ratio;
            return this;
        }

        /** An output layer emits I_bal (no divisive inhibition, no g_E, b_E); default false. */
        public Builder optOutput(boolean output) {
            this.output = output;
            return this;
        }

        /** The block. */
        public EiLinear build() {
            if (units < 1 || ratio < 1) {
                throw new IllegalArgumentException("EiLinear needs units ≥ 1 and ratio ≥ 1");
            }
            return new EiLinear(this);
        }
    }
}
