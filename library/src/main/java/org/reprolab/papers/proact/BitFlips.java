package org.reprolab.papers.proact;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Preconditions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded bit-flip fault injector for float32 weights: every bit of every stored value flips independently with
 * probability p, the bit error rate (BER). The flipped positions are drawn by geometric gaps (the distance to the
 * next flipped bit is Geometric(p)), so the cost is proportional to the number of flips, not of bits.
 *
 * <pre>{@code
 * BitFlips.Injection faults = BitFlips.inject(ClippedMlp.weights(net), 1e-5, new SplittableRandom(7));
 * double acc = TrainingLoop.accuracy(net, test, manager);
 * faults.restore();                                    // the weights as they were
 * }</pre>
 */
public final class BitFlips {

    private BitFlips() {}

    /**
     * The positions (bit indices, {@code 32·value + bit}) of the bits that flip among {@code bits} bits at BER
     * {@code ber}, in increasing order.
     */
    public static long[] positions(long bits, double ber, SplittableRandom rng) {
        Preconditions.checkArgument(ber >= 0 && ber <= 1, "BER must be in [0, 1]");
        if (ber == 0) {
            return new long[0];
        }
        long[] out = new long[16];
        int n = 0;
        double logKeep = Math.log1p(-ber);
        long at = -1;
        while (true) {
            // Gap to the next flip: Geometric(ber) on {1, 2, ...} by inversion.
            double u = 1 - rng.nextDouble();                          // in (0, 1]
            long gap = ber == 1 ? 1 : 1 + (long) Math.floor(Math.log(u) / logKeep);
            if (gap <= 0 || at + gap >= bits) {
                break;
            }
            at += gap;
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, 2 * n);
            }
            out[n++] = at;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Flips bit {@code bit} (0 = least significant mantissa bit, 31 = sign) of {@code value}. */
    public static float flip(float value, int bit) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(value) ^ (1 << bit));
    }

    /** Flips the bits at {@code positions} (see {@link #positions}) of {@code values}, in place. */
    public static void flipAll(float[] values, long[] positions) {
        for (long p : positions) {
            int i = (int) (p >>> 5);
            values[i] = flip(values[i], (int) (p & 31));
        }
    }

    /**
     * Flips bits of the parameters' arrays at BER {@code ber}, every bit of every value independently, and returns
     * what was done (with the originals, to {@link Injection#restore restore}).
     */
    public static Injection inject(List<Parameter> parameters, double ber, SplittableRandom rng) {
        List<NDArray> arrays = new ArrayList<>();
        List<float[]> originals = new ArrayList<>();
        long flips = 0;
        long bits = 0;
        int[] byBit = new int[32];
        for (Parameter p : parameters) {
            NDArray a = p.getArray();
            float[] v = a.toFloatArray();
            long[] pos = positions(32L * v.length, ber, rng);
            bits += 32L * v.length;
            if (pos.length == 0) {
                continue;
            }
            arrays.add(a);
            originals.add(v.clone());
            flipAll(v, pos);
            for (long q : pos) {
                byBit[(int) (q & 31)]++;
            }
            flips += pos.length;
            a.set(v);
        }
        return new Injection(arrays, originals, flips, bits, byBit);
    }

    /** The faults of one injection. */
    public static final class Injection {
        private final List<NDArray> arrays;
        private final List<float[]> originals;
        private final long flips;
        private final long bits;
        private final int[] byBit;

        Injection(List<NDArray> arrays, List<float[]> originals, long flips, long bits, int[] byBit) {
            this.arrays = arrays;
            this.originals = originals;
            this.flips = flips;
            this.bits = bits;
            this.byBit = byBit;
        }

        /** Bits flipped. */
        public long flips() {
            return flips;
        }

        /** Bits exposed (32 per stored value). */
        public long bits() {
            return bits;
        }

        /** Flips per bit position (0 = least significant, 31 = sign). */
        public int[] flipsByBit() {
            return byBit.clone();
        }

        /** Writes the original values back. */
        public void restore() {
            for (int i = 0; i < arrays.size(); i++) {
                arrays.get(i).set(originals.get(i));
            }
        }
    }
}
