package org.reprolab.papers.bitbudget;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.reprolab.data.LabeledData;
import org.reprolab.spiking.DeepSpikingMlp;
import org.reprolab.spiking.MultiLevelIf;
import org.reprolab.train.TrainingLoop;

/**
 * The bit budget of a spiking network (Shen et al., 2024): a spike is a b_s-bit number, a weight a b_w-bit number,
 * and a network runs T steps, so every synapse costs b_w · b_s · T bit-operations per inference, and
 * B = b_w · b_s · T is the budget to spend between weights, spikes and time. A configuration is one way to spend it.
 *
 * <pre>{@code
 * BitBudget.Config c = new BitBudget.Config(2, 4, 1);            // B = 8: ternary weights, 4-bit spikes, one step
 * DeepSpikingMlp net = c.network(new int[] {128}, 10);
 * BitBudget.Cost cost = BitBudget.cost(net, c, test, manager);    // measured synaptic operations and bit-operations
 * }</pre>
 */
public final class BitBudget {

    private BitBudget() {}

    /**
     * One way to spend the budget.
     *
     * @param weightBits b_w (≥ 2)
     * @param spikeBits b_s (1 = binary spikes)
     * @param steps time steps T
     */
    public record Config(int weightBits, int spikeBits, int steps) {

        /** The bit budget B = b_w · b_s · T. */
        public int budget() {
            return weightBits * spikeBits * steps;
        }

        /** A short label, e.g. "b_w=2 b_s=4 T=1". */
        public String label() {
            return "b_w=" + weightBits + " b_s=" + spikeBits + " T=" + steps;
        }

        /**
         * The spiking MLP of this configuration: direct input, hidden layers of {@linkplain MultiLevelIf#normalised
         * normalised} IF neurons with b_s-bit spikes (θ = 1/L, spikes carry s·θ), every layer (readout included)
         * with b_w-bit weights.
         */
        public DeepSpikingMlp network(int[] widths, int outputs) {
            return DeepSpikingMlp.builder().setWidths(widths).setOutputs(outputs).optTimeSteps(steps)
                    .setSynapse((layer, width) -> QuantizedLinear.of(width, weightBits))
                    .setNeuron(() -> MultiLevelIf.normalised(spikeBits)).build();
        }
    }

    /**
     * What one inference costs, per example, over the layers that receive spikes (all but the first, whose input is
     * the analog image).
     *
     * @param synapticOps synaptic operations: non-zero spikes × fan-out, summed over steps (the usual SynOps count)
     * @param bitOps the bit-budget energy estimate: synaptic operations × b_w × b_s
     * @param denseBitOps the bit budget of the spiking layers: synapses × b_w × b_s × T (every spike slot used)
     */
    public record Cost(double synapticOps, double bitOps, double denseBitOps) { }

    /** The measured cost of {@code net} (built from {@code c}) per example of {@code data}, in inference mode. */
    public static Cost cost(DeepSpikingMlp net, Config c, LabeledData data, NDManager manager) {
        ParameterStore store = new ParameterStore(manager, false);
        double[] ops = new double[1];
        double[] synapses = new double[1];
        TrainingLoop.forEachBatch(data, manager, 1000, (xb, yb, size) -> {
            synapses[0] = 0;
            net.trace(store, xb, false, (layer, block, in) -> {
                if (layer > 0) {
                    long fanOut = block.getOutputShapes(new Shape[] {in.getShape()})[0].get(1);
                    ops[0] += in.countNonzero().getLong() * (double) fanOut;
                    synapses[0] += in.getShape().get(1) * (double) fanOut;
                }
            });
        });
        double synOps = ops[0] / data.size();
        double bits = (double) c.weightBits() * c.spikeBits();
        return new Cost(synOps, synOps * bits, synapses[0] * bits * c.steps());
    }

    /** The configurations of a grid over b_w, b_s and T whose budget is one of {@code budgets}. */
    public static List<Config> grid(int[] weightBits, int[] spikeBits, int[] steps, int... budgets) {
        List<Config> out = new ArrayList<>();
        for (int b : budgets) {
            for (int w : weightBits) {
                for (int s : spikeBits) {
                    for (int t : steps) {
                        if (w * s * t == b) {
                            out.add(new Config(w, s, t));
                        }
                    }
                }
            }
        }
        return out;
    }
}
