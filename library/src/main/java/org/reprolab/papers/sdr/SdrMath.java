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
        BigInteger[] terms = falseMatchTerms(n, a, s);
        BigInteger hits = BigInteger.ZERO;
        for (int b = theta; b <= s; b++) {
            hits = hits.add(terms[b]);                                              // Eq. (1) numerator
        }
        return new BigDecimal(hits).divide(new BigDecimal(binomial(n, a)), MC);     // Eq. (1)
    }

    /**
     * The terms C(s,b)·C(n−s, a−b) of Eq. (1) for b = 0..s, with C(n−s, a−b) from one binomial and the exact
     * recurrence C(N, k+1) = C(N, k)·(N−k)/(k+1), so a row costs one binomial instead of s + 1.
     */
    private static BigInteger[] falseMatchTerms(int n, int a, int s) {
        BigInteger[] terms = new BigInteger[s + 1];
        java.util.Arrays.fill(terms, BigInteger.ZERO);
        int top = Math.min(s, a);
        int big = n - s;
        BigInteger c = binomial(big, a - top);                                      // C(n−s, a−b) at b = top
        for (int b = top; b >= 0; b--) {
            terms[b] = binomial(s, b).multiply(c);
            int k = a - b;
            c = k >= big ? BigInteger.ZERO : c.multiply(BigInteger.valueOf(big - k)).divide(BigInteger.valueOf(k + 1));
        }
        return terms;
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

    /**
     * Eq. (1) for every threshold at once: element θ is the probability that a random pattern of {@code a}
     * active cells out of {@code n} reaches θ of a segment's {@code s} synapses, for θ = 0..s. For sweeps over many
     * segments: the overlap's hypergeometric probabilities come from the recurrence P(b+1)/P(b) =
     * (s−b)(a−b) / ((b+1)(n−s−a+b+1)) in double precision (relative error about 1e-13; the sums have no
     * cancellation), falling back to the exact big-integer sums when a + s > n.
     */
    public static double[] falseMatchByThreshold(int n, int a, int s) {
        check(n >= a && a >= 0 && s >= 0 && s <= n, "need 0 ≤ a ≤ n, 0 ≤ s ≤ n");
        if (a + s > n) {
            return exactFalseMatchByThreshold(n, a, s);
        }
        int top = Math.min(s, a);
        double[] pmf = new double[top + 1];
        double p0 = 1;
        for (int i = 0; i < s; i++) {
            p0 *= (double) (n - a - i) / (n - i);                                    // P(b = 0) = C(n−a, s) / C(n, s)
        }
        pmf[0] = p0;
        for (int b = 0; b < top; b++) {
            pmf[b + 1] = pmf[b] * ((double) (s - b) * (a - b)) / ((double) (b + 1) * (n - s - a + b + 1));
        }
        double[] p = new double[s + 1];
        double tail = 0;
        for (int theta = s; theta >= 0; theta--) {
            tail += theta <= top ? pmf[theta] : 0;                                   // Eq. (1): Σ_{b ≥ θ} P(b)
            p[theta] = tail;
        }
        return p;
    }

    private static double[] exactFalseMatchByThreshold(int n, int a, int s) {
        BigInteger[] terms = falseMatchTerms(n, a, s);
        BigDecimal total = new BigDecimal(binomial(n, a));
        double[] p = new double[s + 1];
        BigInteger tail = BigInteger.ZERO;
        for (int theta = s; theta >= 0; theta--) {
            tail = tail.add(terms[theta]);
            p[theta] = new BigDecimal(tail).divide(total, MC).doubleValue();        // Eq. (1)
        }
        return p;
    }

    /**
     * Eq. (2) for every threshold at once: element θ is the probability that a segment of {@code s} synapses on
     * a stored pattern of {@code a} cells stays below θ when {@code noisy} of the cells are replaced, θ = 0..s.
     */
    public static double[] missByThreshold(int a, int s, int noisy) {
        check(noisy >= 0 && noisy <= a && s <= a && s >= 0, "need 0 ≤ noisy ≤ a, 0 ≤ s ≤ a");
        int kept = a - noisy;
        BigDecimal total = new BigDecimal(binomial(a, s));
        double[] p = new double[s + 1];
        BigInteger below = BigInteger.ZERO;
        for (int theta = 0; theta <= s; theta++) {
            p[theta] = new BigDecimal(below).divide(total, MC).doubleValue();       // Eq. (2)
            below = below.add(binomial(kept, theta).multiply(binomial(noisy, s - theta)));
        }
        return p;
    }

    /**
     * The NMDA threshold that balances the two errors of a segment: the θ in 1..s minimising P_fp(θ) + P_miss(θ)
     * (Eq. (1) plus Eq. (2) with {@code noisy} of the pattern's {@code a} cells replaced); the smallest on a tie.
     */
    public static int balancedThreshold(int n, int a, int s, int noisy) {
        return balancedThreshold(falseMatchByThreshold(n, a, s), missByThreshold(a, s, noisy));
    }

    /** The θ ≥ 1 minimising {@code falseMatch[θ] + miss[θ]} (both indexed by θ = 0..s); the smallest on a tie. */
    public static int balancedThreshold(double[] falseMatch, double[] miss) {
        int best = 1;
        for (int theta = 2; theta < falseMatch.length; theta++) {
            if (falseMatch[theta] + miss[theta] < falseMatch[best] + miss[best]) {
                best = theta;
            }
        }
        return best;
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
