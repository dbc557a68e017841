package org.reprolab.papers.sdr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closed-form error probabilities of a dendritic segment reading a sparse distributed representation,
 * computed exactly: binomial coefficients as {@link BigInteger}s, one division at the end. C(100000, 2000)
 * has about 4,270 digits; the sums take milliseconds.
 */
public final class SdrMath {

    /** Precision of the final division: far more digits than any check needs. */
    private static final MathContext MC = new MathContext(40);
    private static final ConcurrentHashMap<String, BigInteger> CACHE = new ConcurrentHashMap<>();

    private SdrMath() {}

    /**
     * Eq. (1): probability that a random pattern of {@code a} active cells out of {@code n} shares at least
     * {@code theta} cells with a segment's {@code s} synapses.
     */
    public static BigDecimal falseMatch(int n, int a, int s, int theta) {
        check(n >= a && a >= 0 && s >= 0 && s <= n && theta >= 0, "need 0 ≤ a ≤ n, 0 ≤ s ≤ n, θ ≥ 0");
        BigInteger hits = BigInteger.ZERO;
        for (int b = theta; b <= Math.min(s, a); b++) {
            hits = hits.add(binomial(s, b).multiply(binomial(n - s, a - b)));       // Eq. (1) numerator
        }
        return new BigDecimal(hits).divide(new BigDecimal(binomial(n, a)), MC);     // Eq. (1)
    }

    /**
     * Eq. (2): probability that a segment with {@code s} synapses sampled from a stored pattern of {@code a}
     * cells fails to reach {@code theta} when {@code noisy} of those cells are replaced by others.
     */
    public static BigDecimal miss(int a, int s, int theta, int noisy) {
        check(noisy >= 0 && noisy <= a && s <= a && theta >= 0, "need 0 ≤ noisy ≤ a, s ≤ a, θ ≥ 0");
        int kept = a - noisy;
        BigInteger misses = BigInteger.ZERO;
        for (int b = 0; b < theta && b <= s; b++) {
            if (b <= kept && s - b <= noisy) {
                misses = misses.add(binomial(kept, b).multiply(binomial(noisy, s - b)));  // Eq. (2) numerator
            }
        }
        return new BigDecimal(misses).divide(new BigDecimal(binomial(a, s)), MC);        // Eq. (2)
    }

    /**
     * Eq. (3): false match of a segment storing {@code m} patterns with {@code s} synapses each, all
     * {@code m·s} synapses distinct.
     */
    public static BigDecimal unionFalseMatch(int n, int a, int s, int theta, int m) {
        return falseMatch(n, a, m * s, theta);
    }

    /** The exact binomial coefficient C(n, k) (cached). */
    public static BigInteger binomial(int n, int k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        int kk = Math.min(k, n - k);
        return CACHE.computeIfAbsent(n + "," + kk, key -> {
            BigInteger r = BigInteger.ONE;
            for (int i = 1; i <= kk; i++) {
                r = r.multiply(BigInteger.valueOf(n - kk + i)).divide(BigInteger.valueOf(i));
            }
            return r;
        });
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException(what);
        }
    }
}
