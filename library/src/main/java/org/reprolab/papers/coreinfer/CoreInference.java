package org.reprolab.papers.coreinfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Interrupts;
import org.reprolab.sparsity.NeuronSets;
import org.reprolab.sparsity.TinyTransformer;
import org.reprolab.train.TrainingLoop;

/**
 * CoreInfer's two stages on a causal {@link TinyTransformer}: the first {@code prefill} tokens of each sequence
 * run dense and fix its sentence-wise core neurons ({@link CoreNeurons}); the remaining tokens are decoded with the
 * FFN restricted to those neurons (the other activations are zero, as if their rows of W_up and columns of W_down
 * were never read).
 */
public final class CoreInference {

    /** Which neurons the decoding tokens use. */
    public enum Mode {
        /** All neurons. */
        DENSE,
        /** The sentence's core neurons from the pre-fill. */
        CORE,
        /** A uniformly random set of the same size per sentence (a control). */
        RANDOM
    }

    /**
     * The outcome of one pass over a data set.
     *
     * @param accuracy test accuracy with the chosen mode
     * @param prefillCores each sequence's core neurons from the pre-fill tokens
     * @param fullCores each sequence's core neurons from all its tokens (dense pass)
     * @param labels each sequence's class
     */
    public record Result(double accuracy, List<boolean[]> prefillCores, List<boolean[]> fullCores, int[] labels) { }

    private CoreInference() {}

    /**
     * Runs {@code block} (causal) on {@code data} in inference mode: a dense pass records the FFN activations and
     * the core sets; unless {@code mode} is DENSE, a second pass decodes tokens from {@code prefill} on with the
     * FFN restricted to the core (or a random) set of β · d_ff neurons.
     */
    public static Result run(TinyTransformer block, LabeledData data, NDManager manager, int prefill,
            double tokenFraction, double keepFraction, Mode mode, SplittableRandom rng) {
        int tokens = block.tokens();
        int dff = block.hidden();
        int kept = (int) Math.floor(keepFraction * dff);
        ParameterStore store = new ParameterStore(manager, false);
        List<boolean[]> prefillCores = new ArrayList<>();
        List<boolean[]> fullCores = new ArrayList<>();
        long[] correct = new long[1];
        TrainingLoop.forEachBatch(data, manager, 256, (xb, yb, size) -> {
            Interrupts.check();
            float[][] acts = new float[1][];
            block.setRecorder((u, a) -> acts[0] = a.toFloatArray());
            NDArray logits = block.forward(store, new NDList(xb), false).singletonOrThrow();
            block.setRecorder(null);
            float[] mask = new float[size * tokens * dff];
            for (int b = 0; b < size; b++) {
                float[] one = Arrays.copyOfRange(acts[0], b * tokens * dff, (b + 1) * tokens * dff);
                boolean[] core = CoreNeurons.sentenceCore(one, dff, prefill, tokenFraction, keepFraction);
                prefillCores.add(core);
                fullCores.add(CoreNeurons.sentenceCore(one, dff, tokens, tokenFraction, keepFraction));
                boolean[] use = mode == Mode.RANDOM ? NeuronSets.random(dff, kept, rng) : core;
                for (int t = 0; t < tokens; t++) {
                    for (int j = 0; j < dff; j++) {
                        mask[(b * tokens + t) * dff + j] = t < prefill || use[j] ? 1 : 0;
                    }
                }
            }
            if (mode != Mode.DENSE) {
                NDArray m = xb.getManager().create(mask, new Shape(size, tokens, dff));
                block.setSparsifiers(null, (x, w) -> x.mul(m));
                logits = block.forward(store, new NDList(xb), false).singletonOrThrow();
                block.setSparsifiers(null, null);
            }
            correct[0] += logits.argMax(1).eq(yb).sum().getLong();
        });
        return new Result(correct[0] / (double) data.size(), prefillCores, fullCores, data.labelsArray());
    }

    /** The mean Jaccard overlap of each sequence's pre-fill core set with its full-sentence core set. */
    public static double stability(Result r) {
        double sum = 0;
        for (int i = 0; i < r.prefillCores().size(); i++) {
            sum += NeuronSets.jaccard(r.prefillCores().get(i), r.fullCores().get(i));
        }
        return sum / r.prefillCores().size();
    }

    /**
     * {mean Jaccard overlap of pre-fill core sets within a class, between classes}, over all pairs of the first
     * {@code n} sequences.
     */
    public static double[] similarity(Result r, int n) {
        double[] sum = new double[2];
        long[] count = new long[2];
        int m = Math.min(n, r.prefillCores().size());
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                int k = r.labels()[i] == r.labels()[j] ? 0 : 1;
                sum[k] += NeuronSets.jaccard(r.prefillCores().get(i), r.prefillCores().get(j));
                count[k]++;
            }
        }
        return new double[] {sum[0] / count[0], sum[1] / count[1]};
    }
}
