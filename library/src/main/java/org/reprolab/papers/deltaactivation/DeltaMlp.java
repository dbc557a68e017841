package org.reprolab.papers.deltaactivation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.NdConstants;
import org.reprolab.train.TrainingLoop;

/**
 * A per-frame MLP classifier of clips with a {@link DeltaActivation delta activation layer} after every hidden ReLU:
 *
 * <pre>
 *   frame x_t → Linear → ReLU → Q → [deltas sent] → Linear → ReLU → Q → [deltas sent] → Linear → logits_t
 * </pre>
 *
 * Each hidden layer's quantised activations Q(a_t) are what the next layer receives; since the next layer is linear,
 * receiving the deltas and accumulating gives the same result, so the forward pass computes it densely. Input (B,
 * T·F), time-major; the forward pass returns {@code {frame-mean logits (B, K), per-frame logits (B·T, K), the
 * temporal sparsity penalty Σ_layers mean |d_t| ()}}. Weights start uniform in ±1/√fan_in, biases at 0.
 */
public final class DeltaMlp extends AbstractBlock {

    private final int frames;
    private final float step;
    private final List<Linear> layers = new ArrayList<>();

    private DeltaMlp(int frames, float step, int outputs, int... hidden) {
        this.frames = frames;
        this.step = step;
        for (int l = 0; l <= hidden.length; l++) {
            layers.add(addChildBlock("linear" + l, Linear.builder().setUnits(l < hidden.length ? hidden[l] : outputs)
                    .build()));
        }
        setInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1),
                Parameter.Type.WEIGHT);
    }

    /** A network over clips of {@code frames} frames, quantiser step s (0: none), hidden widths and K outputs. */
    public static DeltaMlp of(int frames, float step, int outputs, int... hidden) {
        if (frames < 2 || step < 0 || hidden.length == 0 || outputs < 1) {
            throw new IllegalArgumentException("DeltaMlp needs T ≥ 2, s ≥ 0, hidden layers and outputs");
        }
        return new DeltaMlp(frames, step, outputs, hidden);
    }

    /** Frames T per clip. */
    public int frames() {
        return frames;
    }

    /** The linear layers, the readout last. */
    public List<Linear> layers() {
        return layers;
    }

    /**
     * Each layer's input over time (B, T, F_l): the frames for layer 0, then each hidden layer's quantised
     * activations Q(a_t), which the delta layer sends as changes. The last entry is the logits (B, T, K).
     */
    public List<NDArray> streams(ParameterStore ps, NDArray clips, boolean training) {
        long batch = clips.getShape().get(0);
        NDArray h = clips.reshape(batch * frames, -1);
        List<NDArray> out = new ArrayList<>();
        out.add(h.reshape(batch, frames, -1));
        for (int l = 0; l < layers.size(); l++) {
            h = layers.get(l).forward(ps, new NDList(h), training).singletonOrThrow();
            if (l < layers.size() - 1) {
                h = DeltaActivation.quantize(Activation.relu(h), step);
            }
            out.add(h.reshape(batch, frames, -1));
        }
        return out;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        List<NDArray> s = streams(ps, inputs.singletonOrThrow(), training);
        NDArray logits = s.get(s.size() - 1);                                               // (B, T, K)
        NDArray penalty = null;
        for (int l = 1; l < s.size() - 1; l++) {
            NDArray p = DeltaActivation.penalty(s.get(l));
            penalty = penalty == null ? p : penalty.add(p);
        }
        return new NDList(logits.mean(new int[] {1}), logits.reshape(-1, logits.getShape().get(2)), penalty);
    }

    /** The loss: per-frame cross-entropy plus λ times the temporal sparsity penalty. */
    public static NDArray loss(NDList out, NDArray labels, int frames, float lambda) {
        NDArray perFrame = labels.expandDims(1).repeat(1, frames).reshape(-1);
        NDArray ce = TrainingLoop.crossEntropy(out.get(1), perFrame);
        NDArray penalty = out.get(2);
        return lambda == 0 ? ce : ce.add(penalty.mul(NdConstants.scalar(penalty, lambda)));
    }

    /**
     * What a trained network does on clips, in inference mode.
     *
     * @param frameAccuracy accuracy over every frame of every clip
     * @param density per hidden layer, the fraction of non-zero deltas d_t (t ≥ 2)
     * @param macFraction multiply-accumulates of delta inference over those of dense inference (the first layer
     *     and every first frame dense, later frames only for non-zero deltas)
     */
    public record Evaluation(double frameAccuracy, double[] density, double macFraction) {

        /** The density averaged over hidden layers. */
        public double meanDensity() {
            double d = 0;
            for (double v : density) {
                d += v / density.length;
            }
            return d;
        }
    }

    /** Per-frame accuracy, delta density and the MAC fraction of delta inference on {@code clips}. */
    public Evaluation evaluate(LabeledData clips, NDManager manager) {
        ParameterStore ps = new ParameterStore(manager, false);
        int hidden = layers.size() - 1;
        double[] nonzero = new double[hidden];
        double[] entries = new double[hidden];
        double[] correct = new double[1];
        double[] macs = new double[2];
        TrainingLoop.forEachBatch(clips, manager, 500, (xb, yb, size) -> {
            List<NDArray> s = streams(ps, xb, false);
            NDArray pred = s.get(s.size() - 1).argMax(2);                                // (B, T)
            correct[0] += pred.eq(yb.expandDims(1).toType(pred.getDataType(), false)).sum().getLong();
            for (int l = 0; l < layers.size(); l++) {
                Shape in = s.get(l).getShape();
                long fanOut = s.get(l + 1).getShape().get(2);
                double dense = (double) in.get(0) * frames * in.get(2) * fanOut;
                macs[1] += dense;
                if (l == 0) {
                    macs[0] += dense;
                    continue;
                }
                NDArray d = DeltaActivation.deltas(s.get(l));
                long nz = d.countNonzero().getLong();
                nonzero[l - 1] += nz;
                entries[l - 1] += d.size();
                macs[0] += ((double) in.get(0) * in.get(2) + nz) * fanOut;
            }
        });
        double[] density = new double[hidden];
        for (int l = 0; l < hidden; l++) {
            density[l] = nonzero[l] / entries[l];
        }
        return new Evaluation(correct[0] / ((double) clips.size() * frames), density, macs[0] / macs[1]);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = new Shape(inputShapes[0].get(0) * frames, inputShapes[0].get(1) / frames);
        for (Linear l : layers) {
            l.initialize(manager, dataType, in);
            in = l.getOutputShapes(new Shape[] {in})[0];
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        long k = layers.get(layers.size() - 1).getOutputShapes(new Shape[] {new Shape(1, 1)})[0].get(1);
        return new Shape[] {new Shape(batch, k), new Shape(batch * frames, k), new Shape()};
    }
}
