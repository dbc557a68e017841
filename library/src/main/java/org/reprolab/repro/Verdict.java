package org.reprolab.repro;

import java.util.Locale;

/**
 * The outcome of one claim in one run.
 *
 * @param claimId the claim's id
 * @param statement the claim's statement
 * @param step the step that measured it
 * @param passed whether the measured number met the criterion
 * @param measured the number the run produced
 * @param measuredText how to print it, with units or context (e.g. {@code "0.7877 (spectral norm)"})
 * @param criterion the criterion, printed
 * @param reference the paper's number and its source
 */
public record Verdict(String claimId, String statement, String step, boolean passed, double measured,
        String measuredText, String criterion, Reference reference) {

    /** "PASS" or "FAIL". */
    public String label() {
        return passed ? "PASS" : "FAIL";
    }

    /** One line: {@code PASS constants: measured 1.2e-15 (criterion ≤ 1e-12; paper 1.0507 [source])}. */
    public String oneLine() {
        return String.format("%s %s: measured %s, criterion %s; reference %s [%s]", label(), claimId,
                measuredText, criterion, reference.text(), reference.source());
    }

    /** Formats a number compactly: integers plain, others with 4 significant digits, no trailing zeros. */
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
        int exponent = Integer.parseInt(s.substring(e + 1));
        return mantissa + "e" + exponent;
    }
}
