package org.reprolab.papers.widedeep;

/**
 * A real number stored as sign and log-magnitude, \( v = \mathrm{sign}·e^{\log} \), so that kernels of
 * networks hundreds or millions of layers deep (values like 2^{−10⁶}) stay representable.
 *
 * @param sign −1, 0 or +1
 * @param log ln|v| (−∞ when v = 0)
 */
public record SignedLog(int sign, double log) {

    /** Zero. */
    public static final SignedLog ZERO = new SignedLog(0, Double.NEGATIVE_INFINITY);

    /** Checks the fields. */
    public SignedLog {
        if (sign < -1 || sign > 1 || Double.isNaN(log)) {
            throw new IllegalArgumentException("bad signed log: " + sign + ", " + log);
        }
        if (sign == 0 || log == Double.NEGATIVE_INFINITY) {
            sign = 0;
            log = Double.NEGATIVE_INFINITY;
        }
    }

    /** The number {@code v}. */
    public static SignedLog of(double v) {
        return new SignedLog((int) Math.signum(v), Math.log(Math.abs(v)));
    }

    /** sign·e^{log} as a double (may overflow to ±∞ or underflow to 0). */
    public double value() {
        return sign == 0 ? 0 : sign * Math.exp(log);
    }

    /** This plus {@code o}, without leaving log space. */
    public SignedLog plus(SignedLog o) {
        return add(sign, log, o.sign, o.log);
    }

    /** This times {@code o}. */
    public SignedLog times(SignedLog o) {
        return new SignedLog(sign * o.sign, log + o.log);
    }

    /** (s1·e^{l1}) + (s2·e^{l2}) in log space. */
    static SignedLog add(int s1, double l1, int s2, double l2) {
        if (s1 == 0 || l1 == Double.NEGATIVE_INFINITY) {
            return new SignedLog(s2, l2);
        }
        if (s2 == 0 || l2 == Double.NEGATIVE_INFINITY) {
            return new SignedLog(s1, l1);
        }
        if (l1 < l2) {
            int ts = s1;
            s1 = s2;
            s2 = ts;
            double tl = l1;
            l1 = l2;
            l2 = tl;
        }
        double t = Math.exp(l2 - l1);
        if (s1 == s2) {
            return new SignedLog(s1, l1 + Math.log1p(t));
        }
        return t == 1 ? ZERO : new SignedLog(s1, l1 + Math.log1p(-t));
    }
}
