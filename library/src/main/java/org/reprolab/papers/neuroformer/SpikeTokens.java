package org.reprolab.papers.neuroformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Neuroformer's spike tokens: the spikes of a "current" window of C bins starting at bin t₀ become the sequence
 * of neuron IDs in the order (bin, neuron), each with its Δt bin (t − t₀ ∈ 0..C−1); the spikes of the "past"
 * window [t₀ − P, t₀) become the context tokens (ID, bin − (t₀ − P)). The decoder reads [SOS, id₁, …, id_n] and
 * predicts [id₁, …, id_n, EOS] with their Δt bins (EOS and SOS carry the extra bin C). IDs 0..N−1 are neurons,
 * N is padding, N+1 SOS, N+2 EOS.
 */
public final class SpikeTokens {

    private final int neurons;
    private final int pastBins;
    private final int currentBins;

    /** Tokens of {@code neurons} neurons, a past window of P bins and a current window of C bins. */
    public SpikeTokens(int neurons, int pastBins, int currentBins) {
        this.neurons = neurons;
        this.pastBins = pastBins;
        this.currentBins = currentBins;
    }

    /** The padding ID N. */
    public int pad() {
        return neurons;
    }

    /** The start-of-window ID N + 1. */
    public int sos() {
        return neurons + 1;
    }

    /** The end-of-window ID N + 2. */
    public int eos() {
        return neurons + 2;
    }

    /** The ID vocabulary: N neurons, padding, SOS, EOS. */
    public int vocabulary() {
        return neurons + 3;
    }

    /** Past bins P. */
    public int pastBins() {
        return pastBins;
    }

    /** Current bins C (the Δt classes are 0..C, C marking SOS and EOS). */
    public int currentBins() {
        return currentBins;
    }

    /** The spikes of bins [from, from + bins) as {ids, bins relative to from}, ordered by (bin, neuron). */
    public static int[][] tokens(boolean[][] spikes, int from, int bins) {
        List<int[]> out = new ArrayList<>();
        for (int t = 0; t < bins; t++) {
            for (int i = 0; i < spikes[from + t].length; i++) {
                if (spikes[from + t][i]) {
                    out.add(new int[] {i, t});
                }
            }
        }
        int[][] r = new int[2][out.size()];
        for (int k = 0; k < out.size(); k++) {
            r[0][k] = out.get(k)[0];
            r[1][k] = out.get(k)[1];
        }
        return r;
    }

    /** The raster [bins][N] that the tokens (ids, Δt bins) describe: the inverse of {@link #tokens}. */
    public static boolean[][] raster(int[] ids, int[] bins, int windowBins, int neurons) {
        boolean[][] x = new boolean[windowBins][neurons];
        for (int k = 0; k < ids.length; k++) {
            x[bins[k]][ids[k]] = true;
        }
        return x;
    }

    /** Window starts t₀ = P, P + C, P + 2C, … that fit in {@code bins}: non-overlapping current windows. */
    public int[] starts(int bins) {
        int n = (bins - pastBins) / currentBins;
        int[] s = new int[n];
        for (int k = 0; k < n; k++) {
            s[k] = pastBins + k * currentBins;
        }
        return s;
    }

    /** Tokenises the windows starting at {@code starts}, padded to the longest past and current sequences. */
    public Batch batch(boolean[][] spikes, int[] starts) {
        int longestPast = 1;
        int longestCurrent = 1;
        int[][][] past = new int[starts.length][][];
        int[][][] current = new int[starts.length][][];
        for (int w = 0; w < starts.length; w++) {
            past[w] = tokens(spikes, starts[w] - pastBins, pastBins);
            current[w] = tokens(spikes, starts[w], currentBins);
            longestPast = Math.max(longestPast, past[w][0].length);
            longestCurrent = Math.max(longestCurrent, current[w][0].length + 1);
        }
        int lp = longestPast;
        int lc = longestCurrent;
        int n = starts.length;
        long[] pastIds = new long[n * lp];
        long[] pastDt = new long[n * lp];
        float[] pastBias = new float[n * lp];
        long[] ids = new long[n * lc];
        long[] dt = new long[n * lc];
        long[] nextIds = new long[n * lc];
        long[] nextDt = new long[n * lc];
        float[] mask = new float[n * lc];
        for (int w = 0; w < n; w++) {
            for (int k = 0; k < lp; k++) {
                boolean real = k < past[w][0].length;
                pastIds[w * lp + k] = real ? past[w][0][k] : pad();
                pastDt[w * lp + k] = real ? past[w][1][k] : 0;
                pastBias[w * lp + k] = real ? 0 : -1e9f;
            }
            int len = current[w][0].length;
            for (int k = 0; k < lc; k++) {
                int o = w * lc + k;
                ids[o] = k == 0 ? sos() : k <= len ? current[w][0][k - 1] : pad();
                dt[o] = k == 0 ? currentBins : k <= len ? current[w][1][k - 1] : 0;
                nextIds[o] = k < len ? current[w][0][k] : k == len ? eos() : pad();
                nextDt[o] = k < len ? current[w][1][k] : k == len ? currentBins : 0;
                mask[o] = k <= len ? 1 : 0;
            }
        }
        return new Batch(n, lp, lc, pastIds, pastDt, pastBias, ids, dt, nextIds, nextDt, mask, starts.clone());
    }

    /**
     * Tokenised windows, row-major [windows, length]: the past context (IDs, bins, an additive attention bias of
     * 0 for a spike and −10⁹ for padding), the decoder's input (IDs, Δt bins), its targets (next ID, next Δt) and
     * the mask of real targets (1 up to and including EOS).
     */
    public record Batch(int size, int pastLength, int length, long[] pastIds, long[] pastDt, float[] pastBias,
            long[] ids, long[] dt, long[] nextIds, long[] nextDt, float[] mask, int[] starts) {

        /** The model's inputs for the windows {@code rows}: past IDs, past bins, past bias, IDs, Δt bins, mask. */
        public NDList inputs(NDManager m, int[] rows) {
            return new NDList(longs(m, pastIds, rows, pastLength), longs(m, pastDt, rows, pastLength),
                    floats(m, pastBias, rows, pastLength), longs(m, ids, rows, length), longs(m, dt, rows, length),
                    floats(m, mask, rows, length));
        }

        /** The targets for the windows {@code rows}: next IDs, next Δt bins, mask. */
        public NDList targets(NDManager m, int[] rows) {
            return new NDList(longs(m, nextIds, rows, length), longs(m, nextDt, rows, length),
                    floats(m, mask, rows, length));
        }

        /** The current window's tokens of window {@code w} (ids, Δt bins), without SOS, EOS and padding. */
        public int[][] current(int w) {
            int n = 0;
            while (n < length && mask[w * length + n] > 0) {
                n++;
            }
            int[][] r = new int[2][n - 1];
            for (int k = 0; k < n - 1; k++) {
                r[0][k] = (int) nextIds[w * length + k];
                r[1][k] = (int) nextDt[w * length + k];
            }
            return r;
        }

        private static NDArray longs(NDManager m, long[] v, int[] rows, int len) {
            long[] out = new long[rows.length * len];
            for (int r = 0; r < rows.length; r++) {
                System.arraycopy(v, rows[r] * len, out, r * len, len);
            }
            return m.create(out, new Shape(rows.length, len));
        }

        private static NDArray floats(NDManager m, float[] v, int[] rows, int len) {
            float[] out = new float[rows.length * len];
            for (int r = 0; r < rows.length; r++) {
                System.arraycopy(v, rows[r] * len, out, r * len, len);
            }
            return m.create(out, new Shape(rows.length, len));
        }
    }
}
