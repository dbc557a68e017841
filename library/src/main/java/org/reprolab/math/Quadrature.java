package org.reprolab.math;

import java.util.function.DoubleUnaryOperator;

/**
 * Numerical integration of smooth functions of one variable.
 *
 * <pre>{@code
 * double p = Quadrature.simpson(x -> Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI), -8, 8, 2_000);  // ≈ 1
 * }</pre>
 */
public final class Quadrature {

    private Quadrature() {}

    /**
     * Composite Simpson's rule for \(\int_a^b f(x)\,dx\) on {@code intervals} equal sub-intervals (rounded up to an
     * even number). The error is O(h⁴) for f with a bounded fourth derivative.
     */
    public static double simpson(DoubleUnaryOperator f, double a, double b, int intervals) {
        if (intervals < 2 || !(b > a)) {
            throw new IllegalArgumentException("Simpson needs b > a and at least 2 intervals");
        }
        int n = intervals % 2 == 0 ? intervals : intervals + 1;
        double h = (b - a) / n;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return sum * h / 3;
    }
}
