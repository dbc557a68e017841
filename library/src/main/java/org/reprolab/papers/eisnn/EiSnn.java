package org.reprolab.papers.eisnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import java.util.ArrayList;
import java.util.List;
import org.reprolab.math.Stats;
import org.reprolab.spiking.DeepSpikingMlp;
import org.reprolab.spiking.SurrogateLif;

/**
 * The three deep spiking MLPs the paper compares: E-I layers with no normalisation (DeepEISNN), linear layers with
 * batch normalisation (BN-SNN), and plain linear layers with Kaiming initialisation and no normalisation; their LIF
 * neurons, E-I Init from a first batch, the non-negativity clamp after each step and the statistics of the
 * currents at initialisation.
 *
 * <pre>{@code
 * DeepSpikingMlp net = EiSnn.network(EiSnn.Kind.EI, new int[] {500, 500, 300}, 10, 4);
 * net.initialize(manager, DataType.FLOAT32, new Shape(128, 784));
 * EiSnn.eiInit(net, firstBatch);
 * }</pre>
 */
public final class EiSnn {

    /** The LIF of the paper's code: τ = 2 (the membrane keeps 1 − 1/τ = 0.5 of itself per step), V_th = 1. */
    public static final float LEAK = 0.5f;

    private EiSnn() {}

    /** The network's normalisation. */
    public enum Kind {
        /** E-I layers, no normalisation (the paper's). */
        EI("E-I (no norm)"),
        /** Linear + batch normalisation. */
        BN("BN"),
        /** Linear, Kaiming initialisation, no normalisation. */
        PLAIN("plain (no norm)");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name shown in tables and charts. */
        public String label() {
            return label;
        }
    }

    /** The paper's LIF layer: leak 0.5, threshold 1, sigmoid surrogate α = 4. */
    public static Block lif() {
        return SurrogateLif.builder().optTau(LEAK).build();
    }

    /** A deep spiking MLP of {@code kind} with hidden {@code widths}, {@code outputs} classes and T = {@code steps}. */
    public static DeepSpikingMlp network(Kind kind, int[] widths, int outputs, int steps) {
        return DeepSpikingMlp.builder().setWidths(widths).setOutputs(outputs).optTimeSteps(steps)
                .setNeuron(EiSnn::lif).setSynapse((layer, width) -> synapse(kind, width, layer == widths.length))
                .build();
    }

    private static Block synapse(Kind kind, int width, boolean readout) {
        if (kind == Kind.EI) {
            return EiLinear.builder().setUnits(width).optOutput(readout).build();
        }
        Linear linear = Linear.builder().setUnits(width).build();
        linear.setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT);             // Kaiming normal
        return kind == Kind.BN && !readout ? new SequentialBlock().add(linear).add(BatchNorm.builder().build())
                : linear;
    }

    /** The E-I layers of a network, in order (none unless it is {@link Kind#EI}). */
    public static List<EiLinear> eiLayers(DeepSpikingMlp net) {
        List<EiLinear> layers = new ArrayList<>();
        for (Block b : net.synapses()) {
            if (b instanceof EiLinear ei) {
                layers.add(ei);
            }
        }
        return layers;
    }

    /** E-I Init, layer by layer: each E-I layer is set from the moments of its input on {@code batch} (B, F). */
    public static void eiInit(DeepSpikingMlp net, NDArray batch) {
        try (NDManager scope = batch.getManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(scope, false);
            net.trace(ps, batch, false, (layer, synapse, input) -> {
                if (synapse instanceof EiLinear ei) {
                    ei.initFrom(input);
                }
            });
        }
    }

    /** Restores W ≥ 0 in every E-I layer (call after each optimizer step). */
    public static void clampWeights(DeepSpikingMlp net) {
        eiLayers(net).forEach(EiLinear::clampWeights);
    }

    /**
     * The currents of one hidden layer on a batch at initialisation.
     *
     * @param layer 1-based layer
     * @param balancedMean mean of I_bal over examples, steps and units (E-I layers; NaN otherwise)
     * @param balancedSd its standard deviation
     * @param currentMean mean of the layer's output current I (what the neurons integrate)
     * @param currentSd its standard deviation
     * @param spikeRate the fraction of the layer's neurons spiking per step
     */
    public record LayerCurrents(int layer, double balancedMean, double balancedSd, double currentMean,
            double currentSd, double spikeRate) {

        /** |mean I_bal| / sd I_bal: the E/I imbalance relative to the spread. */
        public double imbalance() {
            return Math.abs(balancedMean) / balancedSd;
        }
    }

    /** The currents of every hidden layer of {@code net} on {@code batch} (inference mode). */
    public static List<LayerCurrents> currents(DeepSpikingMlp net, NDArray batch) {
        List<LayerCurrents> rows = new ArrayList<>();
        try (NDManager scope = batch.getManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(scope, false);
            List<double[]> balanced = new ArrayList<>();
            List<double[]> spikes = new ArrayList<>();
            List<NDArray> out = net.trace(ps, batch, false, (layer, synapse, input) -> {
                if (layer > 0) {
                    spikes.add(new double[] {input.mean().getFloat()});
                }
                balanced.add(synapse instanceof EiLinear ei ? toDoubles(ei.balanced(input)) : null);
            });
            for (int l = 0; l < net.depth(); l++) {
                double[] current = toDoubles(out.get(l));
                double[] bal = balanced.get(l);
                rows.add(new LayerCurrents(l + 1, bal == null ? Double.NaN : Stats.mean(bal),
                        bal == null ? Double.NaN : Stats.sd(bal), Stats.mean(current), Stats.sd(current),
                        spikes.get(l)[0]));
            }
        }
        return rows;
    }

    private static double[] toDoubles(NDArray a) {
        float[] f = a.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
