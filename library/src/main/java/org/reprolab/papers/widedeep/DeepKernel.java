package org.reprolab.papers.widedeep;

import org.reprolab.data.LabeledData;
import org.reprolab.engine.Interrupts;
import org.reprolab.math.LinearFit;

/**
 * The kernels of an infinitely wide network with L hidden layers, no biases, inputs on the unit sphere and an
 * activation with dual ξ (ξ(1) = 1), as functions of the inputs' correlation ρ = x·z (numbering ours):
 * <pre>
 *   ρ₀ = x·z,   K₀ = ρ₀
 *   ρ_l = ξ(ρ_{l−1})                          (Eq. 2a, the NNGP kernel of depth l)
 *   K_l = ξ(ρ_{l−1}) + K_{l−1}·ξ′(ρ_{l−1})    (Eq. 2b, the neural tangent kernel of depth l)
 * </pre>
 * Trained to zero loss by gradient descent, the network computes kernel regression with K_L.
 *
 * <p>Depth makes the values span far more than a double holds: for ξ′(0) = ½ off-diagonal entries shrink
 * like 2^{−L} while the diagonal grows like ξ′(1)^L. So each entry is evaluated on its own, its NTK carried
 * as a mantissa with a running log-scale (rescaled whenever it leaves [1e-100, 1e100]), and the result is a
 * {@link SignedLog}. Once |ρ_l| &lt; 1e-12 the dual is its leading term c·ρᵏ to double precision, and if 0
 * attracts (k ≥ 2, or k = 1 with |c| &lt; 1):
 * <ul>
 *   <li>k = 1: the remaining m layers have the closed form ρ_{l+m} = cᵐρ_l, K_{l+m} = cᵐ(K_l + m·ρ_l),
 *       so a depth of 10⁶ costs what ~100 layers cost;</li>
 *   <li>k ≥ 2: the recursion goes on in log space (ln ρ_{l+1} = ln c + k·ln ρ_l). This holds while kˡ·ln ρ
 *       fits a double (L up to about 1000 for k = 2); beyond that every off-diagonal entry is exactly 0.</li>
 * </ul>
 * When ρ_l reaches a fixed point of ξ in double precision (ξ(0) &gt; 0, or ReLU's ρ → 1), the rest is the
 * geometric sum K_{l+m} = dᵐK_l + ρ*(1 + d + … + d^{m−1}), d = ξ′(ρ*). The readable recursion without any
 * of this is {@link #ntkReference}; tests check one against the other.
 */
public final class DeepKernel {

    /** Which kernel. */
    public enum Kind {
        /** The neural tangent kernel K_L (Eq. 2b): the trained network. */
        NTK,
        /** The NNGP kernel ρ_L (Eq. 2a): the network with only its last layer trained. */
        NNGP
    }

    /** Below this |ρ| the dual equals its leading term to double precision. */
    static final double SMALL = 1e-12;

    private final DualActivation dual;
    private final int depth;
    private final Kind kind;
    private final SignedLog diagonal;

    private DeepKernel(Builder b) {
        this.dual = b.dual;
        this.depth = b.depth;
        this.kind = b.kind;
        this.diagonal = evaluate(dual, depth, 1, kind == Kind.NTK);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The kernel of the given kind, dual and depth (short for the builder). */
    public static DeepKernel of(DualActivation dual, int depth, Kind kind) {
        return builder().setDual(dual).setDepth(depth).optKind(kind).build();
    }

    /** The dual. */
    public DualActivation dual() {
        return dual;
    }

    /** L, the number of hidden layers. */
    public int depth() {
        return depth;
    }

    /** NTK or NNGP. */
    public Kind kind() {
        return kind;
    }

    /** The kernel's value for inputs with correlation ρ (clamped to [−1, 1]). */
    public SignedLog at(double rho) {
        return rho >= 1 ? diagonal : evaluate(dual, depth, rho, kind == Kind.NTK);
    }

    /** The kernel at ρ = 1: K_L(x, x) = Σ_{j=0}^{L} ξ′(1)ʲ for the NTK, 1 for the NNGP. */
    public SignedLog diagonal() {
        return diagonal;
    }

    /**
     * The kernel matrix between the rows of {@code a} and of {@code b}, each row projected onto the unit sphere
     * (ρ = cosine of the angle). When {@code a == b} only one triangle is computed.
     */
    public LogKernelMatrix matrix(double[][] a, double[][] b) {
        double[][] ua = unitRows(a);
        double[][] ub = a == b ? ua : unitRows(b);
        int n = ua.length;
        int m = ub.length;
        double[][] log = new double[n][m];
        byte[][] sign = new byte[n][m];
        for (int i = 0; i < n; i++) {
            Interrupts.check();
            int start = a == b ? i : 0;
            for (int j = start; j < m; j++) {
                SignedLog v = a == b && i == j ? diagonal : at(dot(ua[i], ub[j]));
                log[i][j] = v.log();
                sign[i][j] = (byte) v.sign();
                if (a == b) {
                    log[j][i] = v.log();
                    sign[j][i] = (byte) v.sign();
                }
            }
        }
        return new LogKernelMatrix(log, sign);
    }

    /**
     * The singular exponent of this kernel near the diagonal, fitted: \(\hat\alpha = -2\,d\ln K/d\ln(1 - \rho)\),
     * the least-squares slope of ln K(1 − ε) against ln ε over {@code points} values of ε log-spaced in
     * [{@code from}, {@code to}], times −2. A kernel that behaves like
     * \(\|x - z\|^{-\alpha} = (2(1 - \rho))^{-\alpha/2}\) there gives α̂ = α.
     */
    public double fittedExponent(double from, double to, int points) {
        if (!(from > 0 && from < to && to < 1) || points < 2) {
            throw new IllegalArgumentException("need 0 < from < to < 1 and at least two points");
        }
        double[] lnEps = new double[points];
        double[] lnK = new double[points];
        for (int i = 0; i < points; i++) {
            lnEps[i] = Math.log(from) + i * (Math.log(to) - Math.log(from)) / (points - 1);
            lnK[i] = at(1 - Math.exp(lnEps[i])).log();
        }
        return -2 * LinearFit.of(lnEps, lnK).slope();                      // ln K, not K: K overflows a double
    }

    /** The depth-L NTK at correlation ρ (static form of {@code builder().setDual(dual).setDepth(L).build().at(ρ)}). */
    public static SignedLog ntk(DualActivation dual, int depth, double rho) {
        return evaluate(dual, depth, rho, true);
    }

    /** The depth-L NNGP kernel ρ_L at correlation ρ. */
    public static SignedLog nngp(DualActivation dual, int depth, double rho) {
        return evaluate(dual, depth, rho, false);
    }

    /**
     * The plain recursion (Eqs. 2a-2b) in doubles, for reading and for tests: it overflows or underflows
     * for large depths, which is what {@link #ntk} avoids.
     */
    public static double ntkReference(DualActivation dual, int depth, double rho) {
        double r = rho;
        double k = rho;                                                       // K₀ = ρ₀
        for (int l = 1; l <= depth; l++) {
            double next = dual.xi(r);                                         // Eq. (2a)
            k = next + k * dual.xiPrime(r);                                   // Eq. (2b)
            r = next;
        }
        return k;
    }

    /** The plain NNGP recursion ρ_L = ξ(ξ(…ξ(ρ))) in doubles. */
    public static double nngpReference(DualActivation dual, int depth, double rho) {
        double r = rho;
        for (int l = 1; l <= depth; l++) {
            r = dual.xi(r);                                                   // Eq. (2a)
        }
        return r;
    }

    static SignedLog evaluate(DualActivation dual, int depth, double rho, boolean ntk) {
        double r = Math.max(-1, Math.min(1, rho));
        if (r == 1) {
            return ntk ? geometric(dual.slopeAtOne(), depth + 1) : new SignedLog(1, 0);
        }
        DualActivation.PowerTerm lead = dual.leadingTerm();
        // The tail formulas hold when 0 attracts: a leading power ≥ 2, or a linear term with |c| < 1.
        boolean tailToZero = lead.power() >= 2 || lead.power() == 1 && Math.abs(lead.coefficient()) < 1;
        double k = r;           // K_l = k·e^{ks}
        double ks = 0;
        double inv = 1;         // e^{−ks}
        for (int l = 0; l < depth; l++) {
            if (tailToZero && Math.abs(r) < SMALL) {
                return tail(lead, depth - l, r, k, ks, ntk);
            }
            double x = Math.max(-1, Math.min(1, dual.xi(r)));                 // Eq. (2a)
            if (ntk) {
                double d = dual.xiPrime(r);
                k = k * d + x * inv;                                          // Eq. (2b), scaled by e^{−ks}
                double abs = Math.abs(k);
                if (abs > 1e100) {
                    ks += Math.log(abs);
                    k = Math.signum(k);
                    inv = Math.exp(-ks);
                } else if (abs < 1e-100 && abs > 0 && ks > 0) {
                    double shift = Math.min(ks, -Math.log(abs));
                    ks -= shift;
                    k *= Math.exp(shift);
                    inv = Math.exp(-ks);
                }
                if (x == r) {
                    // ρ has reached a fixed point ρ* = x with slope d: the rest is a geometric sum.
                    return atFixedPoint(x, d, depth - l - 1, k, ks);
                }
            } else if (x == r) {
                return SignedLog.of(x);
            }
            r = x;
        }
        return ntk ? new SignedLog((int) Math.signum(k), ks + Math.log(Math.abs(k))) : SignedLog.of(r);
    }

    /** The last m layers once ξ(ρ) = c·ρᵖ to double precision. */
    private static SignedLog tail(DualActivation.PowerTerm lead, int m, double r, double k, double ks, boolean ntk) {
        double c = lead.coefficient();
        int p = lead.power();
        int sr = (int) Math.signum(r);
        double lr = Math.log(Math.abs(r));
        int sk = (int) Math.signum(k);
        double lk = ks + Math.log(Math.abs(k));
        if (p == 1) {
            // ρ_{l+m} = cᵐρ_l and K_{l+m} = cᵐ(K_l + m·ρ_l)
            int sc = c < 0 && m % 2 == 1 ? -1 : 1;
            double lc = m * Math.log(Math.abs(c));
            if (!ntk) {
                return new SignedLog(sc * sr, lc + lr);
            }
            SignedLog inner = SignedLog.add(sk, lk, sr, Math.log(m) + lr);
            return new SignedLog(sc * inner.sign(), lc + inner.log());
        }
        double lpc = Math.log(p * Math.abs(c));
        double labsC = Math.log(Math.abs(c));
        int signC = c < 0 ? -1 : 1;
        for (int j = 0; j < m; j++) {
            if (sr == 0 || lr == Double.NEGATIVE_INFINITY) {
                // ρ = 0 from here on, and ξ′(0) = 0: one more layer zeroes the NTK too.
                return SignedLog.ZERO;
            }
            int sd = signC * ((p - 1) % 2 == 1 ? sr : 1);                      // ξ′(ρ) = p·c·ρ^{p−1}
            double ld = lpc + (p - 1) * lr;
            int srNext = signC * (p % 2 == 1 ? sr : 1);                       // ξ(ρ) = c·ρᵖ
            double lrNext = labsC + p * lr;
            if (ntk) {
                SignedLog kNext = SignedLog.add(srNext, lrNext, sk * sd, lk + ld);
                sk = kNext.sign();
                lk = kNext.log();
            }
            sr = srNext;
            lr = lrNext;
        }
        return ntk ? new SignedLog(sk, lk) : new SignedLog(sr, lr);
    }

    /** K after m more layers at the fixed point ρ* with ξ′(ρ*) = d: dᵐK + ρ*·(1 + d + … + d^{m−1}). */
    private static SignedLog atFixedPoint(double rhoStar, double d, int m, double k, double ks) {
        SignedLog carried = new SignedLog((int) Math.signum(k), ks + Math.log(Math.abs(k)));
        if (m == 0) {
            return carried;
        }
        SignedLog dm = d == 0 ? SignedLog.ZERO
                : new SignedLog(d < 0 && m % 2 == 1 ? -1 : 1, m * Math.log(Math.abs(d)));
        return carried.times(dm).plus(SignedLog.of(rhoStar).times(geometric(d, m)));
    }

    /** 1 + d + … + d^{m−1} in log space (d > −1). */
    static SignedLog geometric(double d, int m) {
        if (m <= 0) {
            return SignedLog.ZERO;
        }
        if (d == 1) {
            return new SignedLog(1, Math.log(m));
        }
        if (d > 1) {
            // (dᵐ − 1)/(d − 1) = dᵐ(1 − d^{−m})/(d − 1)
            double lm = m * Math.log(d);
            return new SignedLog(1, lm + Math.log1p(-Math.exp(-lm)) - Math.log(d - 1));
        }
        if (d <= -1) {
            throw new ArithmeticException("ξ′ ≤ −1 at a fixed point: " + d);
        }
        return SignedLog.of((1 - Math.pow(d, m)) / (1 - d));
    }

    /** The feature rows of {@code d} scaled to unit Euclidean norm: the data on the sphere. */
    public static double[][] unitRows(LabeledData d) {
        double[][] x = new double[d.size()][d.features()];
        for (int i = 0; i < d.size(); i++) {
            float[] r = d.row(i);
            for (int j = 0; j < r.length; j++) {
                x[i][j] = r[j];
            }
        }
        return unitRows(x);
    }

    /** Rows scaled to unit Euclidean norm. */
    public static double[][] unitRows(double[][] x) {
        double[][] u = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (double v : x[i]) {
                s += v * v;
            }
            double inv = 1 / Math.sqrt(s);
            u[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                u[i][j] = x[i][j] * inv;
            }
        }
        return u;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Builds a {@link DeepKernel}. */
    public static final class Builder {
        private DualActivation dual;
        private int depth = -1;
        private Kind kind = Kind.NTK;

        /** The activation's dual ξ (required). */
        public Builder setDual(DualActivation dual) {
            this.dual = dual;
            return this;
        }

        /** L ≥ 0, the number of hidden layers (required). */
        public Builder setDepth(int depth) {
            this.depth = depth;
            return this;
        }

        /** NTK (default) or NNGP. */
        public Builder optKind(Kind kind) {
            this.kind = kind;
            return this;
        }

        /** The kernel. */
        public DeepKernel build() {
            if (dual == null) {
                throw new IllegalArgumentException("set the dual activation");
            }
            if (depth < 0) {
                throw new IllegalArgumentException("set a depth ≥ 0");
            }
            if (Math.abs(dual.xi(1) - 1) > 1e-9) {
                throw new IllegalArgumentException("the dual must satisfy ξ(1) = 1, got " + dual.xi(1));
            }
            return new DeepKernel(this);
        }
    }
}
