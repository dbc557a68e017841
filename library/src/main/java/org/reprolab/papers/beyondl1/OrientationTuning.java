package org.reprolab.papers.beyondl1;

/**
 * Orientation tuning of a receptive field (an atom of {@code side × side} pixels): its phase-invariant response to
 * gratings, r(θ, f) = √(⟨φ, cos g⟩² + ⟨φ, sin g⟩²) with g = 2πf·(x cos θ + y sin θ) about the patch centre
 * (the energy of a quadrature pair, equal to the best response over all phases), at the spatial frequency f the
 * atom prefers, and two selectivity measures: the orientation selectivity index of V1 physiology
 *
 * <pre>OSI = (r(θ_pref) − r(θ_pref + π/2)) / (r(θ_pref) + r(θ_pref + π/2))</pre>
 *
 * and the stricter vector strength |Σ_θ r(θ)·e^{2iθ}| / Σ_θ r(θ) (one minus the circular variance, which also
 * penalises broad tuning). Both are 0 for an isotropic field and 1 for a response at a single orientation.
 *
 * @param orientations θ of the gratings in radians, in [0, π); an even number, so that θ_pref + π/2 is among them
 * @param response r(θ) at the preferred frequency
 * @param frequency the preferred spatial frequency in cycles per pixel
 * @param preferred the preferred orientation θ_pref (the largest response), in [0, π)
 * @param osi the orientation selectivity index
 * @param vectorStrength one minus the circular variance
 */
public record OrientationTuning(double[] orientations, double[] response, double frequency, double preferred,
        double osi, double vectorStrength) {

    /** The spatial frequencies tried, in cycles per pixel (up to Nyquist's 0.5). */
    public static final double[] FREQUENCIES = {0.08, 0.12, 0.16, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45};

    /** The tuning of {@code atom} at {@code orientations} equally spaced orientations in [0, π). */
    public static OrientationTuning of(double[] atom, int side, int orientations) {
        if (orientations % 2 != 0) {
            throw new IllegalArgumentException("an even number of orientations is needed, got " + orientations);
        }
        double[] theta = new double[orientations];
        for (int o = 0; o < orientations; o++) {
            theta[o] = Math.PI * o / orientations;
        }
        double best = -1;
        double[] bestResponse = null;
        double bestF = Double.NaN;
        for (double f : FREQUENCIES) {
            double[] r = new double[orientations];
            double peak = 0;
            for (int o = 0; o < orientations; o++) {
                r[o] = energy(atom, side, theta[o], f);
                peak = Math.max(peak, r[o]);
            }
            if (peak > best) {
                best = peak;
                bestResponse = r;
                bestF = f;
            }
        }
        double re = 0;
        double im = 0;
        double sum = 0;
        int pref = 0;
        for (int o = 0; o < orientations; o++) {
            re += bestResponse[o] * Math.cos(2 * theta[o]);
            im += bestResponse[o] * Math.sin(2 * theta[o]);
            sum += bestResponse[o];
            pref = bestResponse[o] > bestResponse[pref] ? o : pref;
        }
        double rp = bestResponse[pref];
        double ro = bestResponse[(pref + orientations / 2) % orientations];
        return new OrientationTuning(theta, bestResponse, bestF, theta[pref], rp + ro == 0 ? 0 : (rp - ro) / (rp + ro),
                sum == 0 ? 0 : Math.hypot(re, im) / sum);
    }

    /** A grating of {@code side × side} pixels at orientation θ, frequency f (cycles per pixel) and phase ψ. */
    public static double[] grating(int side, double theta, double f, double phase) {
        double[] g = new double[side * side];
        double c = (side - 1) / 2.0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                g[y * side + x] = Math.cos(2 * Math.PI * f * ((x - c) * Math.cos(theta) + (y - c) * Math.sin(theta))
                        + phase);
            }
        }
        return g;
    }

    static double energy(double[] atom, int side, double theta, double f) {
        double c = SparseCoder.dot(atom, grating(side, theta, f, 0));
        double s = SparseCoder.dot(atom, grating(side, theta, f, -Math.PI / 2));
        return Math.hypot(c, s);
    }
}
