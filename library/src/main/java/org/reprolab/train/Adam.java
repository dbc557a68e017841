package org.reprolab.train;

/**
 * Adam (Kingma and Ba 2015) on plain double arrays, for models written out in Java (no autograd): β₁ = 0.9,
 * β₂ = 0.999, ε = 1e-8, bias-corrected moments. One instance per parameter set; its state is the two moment
 * vectors and the step count.
 *
 * <pre>{@code
 * Adam adam = new Adam(theta.length, 0.01);
 * for (int step = 0; step < steps; step++) {
 *     double[] g = gradient(theta);
 *     adam.update(theta, g);                          // or update(theta, g, scale) after clipping the norm
 * }
 * }</pre>
 */
public final class Adam {
    private final double rate;
    private final double[] m;
    private final double[] v;
    private int t;

    /** Adam for {@code n} parameters at learning rate {@code rate} (0 leaves them where they are). */
    public Adam(int n, double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("the learning rate must be finite and at least 0, got " + rate);
        }
        this.rate = rate;
        this.m = new double[n];
        this.v = new double[n];
    }

    /** One step on {@code theta} (updated in place) with gradient {@code g}. */
    public void update(double[] theta, double[] g) {
        update(theta, g, 1);
    }

    /** One step with the gradient {@code scale}·g (a clipped gradient, say), without copying g. */
    public void update(double[] theta, double[] g, double scale) {
        if (theta.length != m.length || g.length != m.length) {
            throw new IllegalArgumentException("Adam holds " + m.length + " parameters, got " + theta.length
                    + " and a gradient of " + g.length);
        }
        t++;
        double c1 = 1 - Math.pow(0.9, t);
        double c2 = 1 - Math.pow(0.999, t);
        for (int i = 0; i < theta.length; i++) {
            double gi = scale * g[i];   // exact for scale 1
            m[i] = 0.9 * m[i] + 0.1 * gi;
            v[i] = 0.999 * v[i] + 0.001 * gi * gi;
            theta[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
        }
    }

    /** Steps taken so far. */
    public int steps() {
        return t;
    }
}
