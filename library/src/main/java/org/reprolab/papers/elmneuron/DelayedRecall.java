package org.reprolab.papers.elmneuron;

import java.util.SplittableRandom;
import org.reprolab.data.LabeledData;

/**
 * A delayed-recall task with a controllable delay (ours, in the spirit of the paper's long-horizon tasks): at t = 0
 * a marked cue shows one of K symbols (one-hot, with a marker channel at 1); for the next D steps each step shows,
 * with probability p, an unmarked distractor symbol (else nothing); after the last step the model names the cue.
 * Chance is 1/K. Inputs have K + 1 channels and T = D + 1 steps, flattened time-major: T·(K + 1) features.
 *
 * <pre>{@code
 * LabeledData train = DelayedRecall.generate(2000, 4, 50, 0.5, rng);
 * }</pre>
 */
public final class DelayedRecall {

    private DelayedRecall() {}

    /** Input channels for K symbols: K symbol channels and the marker. */
    public static int channels(int symbols) {
        return symbols + 1;
    }

    /** Sequence {@code i} of {@code data} in words: the marked cue, then each step's distractor or "·". */
    public static String describe(LabeledData data, int i, int symbols) {
        int c = channels(symbols);
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < data.features() / c; t++) {
            String shown = "·";
            for (int k = 0; k < symbols; k++) {
                if (data.feature(i, t * c + k) != 0) {
                    shown = Integer.toString(k);
                }
            }
            b.append(data.feature(i, t * c + symbols) != 0 ? "[" + shown + "]" : shown).append(' ');
        }
        return b.append("→ answer ").append(data.label(i)).toString();
    }

    /** {@code n} sequences of K symbols with delay D and distractor probability p. */
    public static LabeledData generate(int n, int symbols, int delay, double distractors, SplittableRandom rng) {
        int c = channels(symbols);
        int steps = delay + 1;
        float[] x = new float[n * steps * c];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int base = i * steps * c;
            y[i] = rng.nextInt(symbols);
            x[base + y[i]] = 1;
            x[base + symbols] = 1;                                   // the marker: remember this one
            for (int t = 1; t < steps; t++) {
                if (rng.nextDouble() < distractors) {
                    x[base + t * c + rng.nextInt(symbols)] = 1;
                }
            }
        }
        return new LabeledData("delayed recall (K = " + symbols + ", D = " + delay + ")", x, y, steps * c,
                LabeledData.numberedClasses(symbols));
    }
}
