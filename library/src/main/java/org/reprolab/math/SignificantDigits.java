package org.reprolab.math;

import java.util.Locale;

/** Prints numbers compactly for people: integers plain, others with 4 significant digits, no trailing zeros. */
public final class SignificantDigits {

    private SignificantDigits() {}

    /** {@code 3}, {@code 0.1235}, {@code 1.5e-7}, {@code NaN}. */
    public static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        String s = a >= 1e-3 && a < 1e6 ? String.format(Locale.ROOT, "%.4g", v)
                : String.format(Locale.ROOT, "%.3e", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        if (e < 0) {
            return mantissa;
        }
        return mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }
}
