package org.reprolab.papers.dopamine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.reprolab.data.LabeledData;
import org.reprolab.train.Init;

/**
 * The three networks of the mode-adaptation protocol, sharing one trained foundation MLP: the foundation itself
 * (Linear, ReLU, ..., Linear), its {@link TauGate gated} copy (every ReLU replaced by a per-unit threshold and gain,
 * the linear layers frozen) and its {@link LoraLinear LoRA} copy (every linear layer frozen with a low-rank update).
 *
 * <pre>{@code
 * SequentialBlock base = ModeNets.foundation(256, 256);       // train it, then:
 * SequentialBlock gated = ModeNets.gated(base, 0.1f, manager, 784);
 * }</pre>
 */
public final class ModeNets {

    private ModeNets() {}

    /** The foundation MLP: hidden ReLU layers of the given widths and 10 outputs (He-normal weights). */
    public static SequentialBlock foundation(int... hidden) {
        SequentialBlock net = new SequentialBlock();
        for (int h : hidden) {
            net.add(Linear.builder().setUnits(h).build()).add(Activation::relu);
        }
        net.add(Linear.builder().setUnits(10).build());
        net.setInitializer(Init.HE_NORMAL.initializer(), Parameter.Type.WEIGHT);
        return net;
    }

    /** The trained foundation's linear layers, in order. */
    public static List<Linear> linears(SequentialBlock foundation) {
        List<Linear> out = new ArrayList<>();
        for (Pair<String, Block> child : foundation.getChildren()) {
            if (child.getValue() instanceof Linear l) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * The gated copy of a trained foundation: its linear layers (shared, frozen), each ReLU replaced by a
     * {@link TauGate} of temperature {@code temperature}, initialised (τ = 0, g = 1) under {@code manager}.
     */
    public static SequentialBlock gated(SequentialBlock foundation, float temperature, NDManager manager,
            int inputs) {
        List<Linear> layers = linears(foundation);
        SequentialBlock net = new SequentialBlock();
        Shape shape = new Shape(1, inputs);
        for (int i = 0; i < layers.size(); i++) {
            Linear l = layers.get(i);
            l.freezeParameters(true);
            net.add(l);
            shape = l.getOutputShapes(new Shape[] {shape})[0];
            if (i < layers.size() - 1) {
                TauGate gate = TauGate.builder().optTemperature(temperature).build();
                gate.initialize(manager, DataType.FLOAT32, shape);
                net.add(gate);
            }
        }
        return net;
    }

    /** The LoRA copy of a trained foundation: every linear layer frozen with a rank-{@code rank} update. */
    public static SequentialBlock lora(SequentialBlock foundation, int rank, NDManager manager, int inputs) {
        List<Linear> layers = linears(foundation);
        SequentialBlock net = new SequentialBlock();
        Shape shape = new Shape(1, inputs);
        for (int i = 0; i < layers.size(); i++) {
            LoraLinear l = new LoraLinear(layers.get(i), rank);
            l.initialize(manager, DataType.FLOAT32, shape);
            net.add(l);
            shape = l.getOutputShapes(new Shape[] {shape})[0];
            if (i < layers.size() - 1) {
                net.add(Activation::relu);
            }
        }
        return net;
    }

    /** Trainable numbers of a block: the sizes of its parameters that require a gradient. */
    public static long trainableParameters(Block block) {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                n += p.getValue().getArray().getShape().size();
            }
        }
        return n;
    }

    /**
     * The share of hidden units whose hardened gate is open (h > τ), over all gates, units and examples of
     * {@code data}, for a network made by {@link #gated}.
     */
    public static double openFraction(SequentialBlock gated, LabeledData data, NDManager manager) {
        try (NDManager m = manager.newSubManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = data.featuresNd(m);
            double open = 0;
            long units = 0;
            for (Pair<String, Block> child : gated.getChildren()) {
                if (child.getValue() instanceof TauGate gate) {
                    open += gate.open(x).sum().getFloat();
                    units += x.getShape().size();
                }
                x = child.getValue().forward(ps, new NDList(x), false).singletonOrThrow();
            }
            return open / units;
        }
    }
}
