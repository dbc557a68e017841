package org.reprolab.papers.widedeep;

import java.util.SplittableRandom;
import org.reprolab.data.Synthetic;
import org.reprolab.math.StudentT;

/**
 * The paper's synthetic task: two classes with Dirichlet-distributed features s on the simplex, label +1 with
 * probability {@code prior}, mapped onto the unit sphere by x = s/‖s‖ (as in the authors' {@code dataset.py}).
 * The map is one-to-one, so the Bayes classifier compares the two Dirichlet densities at s:
 * \( \mathrm{sign}(\ln p_1 + \ln f(s; α_1) − \ln(1 − p_1) − \ln f(s; α_2)) \).
 *
 * @param alpha1 Dirichlet parameters of class +1 (length D; the sphere is S^{D−1})
 * @param alpha2 Dirichlet parameters of class −1
 * @param prior P(y = +1)
 */
public record DirichletSphere(double[] alpha1, double[] alpha2, double prior) {

    /** Checks the parameters. */
    public DirichletSphere {
        if (alpha1.length != alpha2.length || alpha1.length < 2) {
            throw new IllegalArgumentException("both classes need the same dimension D ≥ 2");
        }
        for (int i = 0; i < alpha1.length; i++) {
            if (!(alpha1[i] > 0 && alpha2[i] > 0)) {
                throw new IllegalArgumentException("Dirichlet parameters must be > 0");
            }
        }
        if (!(prior > 0 && prior < 1)) {
            throw new IllegalArgumentException("prior must be in (0, 1)");
        }
        alpha1 = alpha1.clone();
        alpha2 = alpha2.clone();
    }

    /**
     * A sample.
     *
     * @param x points on the sphere, n × D
     * @param y labels ±1
     * @param simplex the same points on the simplex, n × D
     */
    public record Sample(double[][] x, double[] y, double[][] simplex) {

        /** Number of points. */
        public int size() {
            return y.length;
        }
    }

    /** d = D − 1, the dimension of the sphere the data lie on. */
    public int sphereDimension() {
        return alpha1.length - 1;
    }

    /** n labelled points drawn with {@code rng}. */
    public Sample sample(int n, SplittableRandom rng) {
        int dim = alpha1.length;
        double[][] x = new double[n][dim];
        double[][] s = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextDouble() < prior ? 1 : -1;
            s[i] = dirichlet(y[i] > 0 ? alpha1 : alpha2, rng);
            double norm = 0;
            for (double v : s[i]) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < dim; j++) {
                x[i][j] = s[i][j] / norm;
            }
        }
        return new Sample(x, y, s);
    }

    /** The Bayes classifier's predictions for points on the simplex. */
    public double[] bayes(double[][] simplex) {
        double[] out = new double[simplex.length];
        for (int i = 0; i < simplex.length; i++) {
            double a = Math.log(prior) + logDensity(alpha1, simplex[i]);
            double b = Math.log(1 - prior) + logDensity(alpha2, simplex[i]);
            out[i] = Math.signum(a - b);
        }
        return out;
    }

    /** ln f(s; α) = ln Γ(Σα) − Σ ln Γ(α_i) + Σ (α_i − 1) ln s_i. */
    public static double logDensity(double[] alpha, double[] s) {
        double sum = 0;
        double out = 0;
        for (int i = 0; i < alpha.length; i++) {
            sum += alpha[i];
            out += (alpha[i] - 1) * Math.log(s[i]) - StudentT.logGamma(alpha[i]);
        }
        return out + StudentT.logGamma(sum);
    }

    /** A Dirichlet(α) draw: independent Gamma(α_i) variates, normalised. */
    public static double[] dirichlet(double[] alpha, SplittableRandom rng) {
        double[] g = new double[alpha.length];
        double s = 0;
        for (int i = 0; i < alpha.length; i++) {
            g[i] = gamma(alpha[i], rng);
            s += g[i];
        }
        for (int i = 0; i < g.length; i++) {
            g[i] /= s;
        }
        return g;
    }

    /**
     * A Gamma(shape, 1) draw by Marsaglia and Tsang's squeeze method; for shape &lt; 1,
     * Gamma(shape + 1)·U^{1/shape}.
     */
    public static double gamma(double shape, SplittableRandom rng) {
        if (shape < 1) {
            double u = rng.nextDouble();
            return gamma(shape + 1, rng) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = Synthetic.gaussian(rng);
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * z * z * z * z || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
