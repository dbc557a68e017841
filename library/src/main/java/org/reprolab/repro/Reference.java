package org.reprolab.repro;

import org.reprolab.math.SignificantDigits;

/**
 * Where a claim's reference number comes from.
 *
 * @param value the paper's (or reference implementation's) number, or {@code null} when it gives none
 * @param text how to print it (e.g. {@code "83.02 %"}), or why there is none
 * @param source where it is printed: paper section, table, figure, or repository file
 */
public record Reference(Double value, String text, String source) {

    /** A number from a source. */
    public static Reference of(double value, String source) {
        return new Reference(value, SignificantDigits.format(value), source);
    }

    /** A number from a source, printed as {@code text}. */
    public static Reference of(double value, String text, String source) {
        return new Reference(value, text, source);
    }

    /** The paper states the claim without a number we can use. */
    public static Reference noNumber(String source) {
        return new Reference(null, "the paper gives no number", source);
    }

    /** The reference is a quantity computed exactly here (a closed form), not a printed number. */
    public static Reference computed(String what) {
        return new Reference(null, what, "computed in this run");
    }

    /** Whether a number is given. */
    public boolean hasValue() {
        return value != null;
    }
}
