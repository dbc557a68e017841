package org.reprolab.papers.sgntk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.math.SpecialFunctions;

class SurrogateMlpTest {

    private static final double SW = 1.2;
    private static final double SB = 0.3;
    private static final double[][] X = {{0.6, -0.8}, {-0.3, 0.2}, {1.1, 0.4}};

    /** A two-hidden-layer network of width 3 written out by hand from the parameter values. */
    private record Tiny(double[][] w1, double[] b1, double[][] w2, double[] b2, double[] a, double bo, double m) {

        static Tiny of(List<NDArray> p, double m) {
            double[] w1 = p.get(0).toDoubleArray();
            double[] w2 = p.get(2).toDoubleArray();
            return new Tiny(new double[][] {{w1[0], w1[1]}, {w1[2], w1[3]}, {w1[4], w1[5]}}, p.get(1).toDoubleArray(),
                    new double[][] {{w2[0], w2[1], w2[2]}, {w2[3], w2[4], w2[5]}, {w2[6], w2[7], w2[8]}},
                    p.get(3).toDoubleArray(), p.get(4).toDoubleArray(), p.get(5).toDoubleArray()[0], m);
        }

        double phi(double h) {
            return SpecialFunctions.erf(m * h);
        }

        double[][] hidden(double[] x) {
            double[] h1 = new double[3];
            double[] x1 = new double[3];
            double[] h2 = new double[3];
            double[] x2 = new double[3];
            for (int i = 0; i < 3; i++) {
                h1[i] = SW / Math.sqrt(2) * (w1[i][0] * x[0] + w1[i][1] * x[1]) + SB * b1[i];
                x1[i] = phi(h1[i]);
            }
            for (int i = 0; i < 3; i++) {
                double s = 0;
                for (int j = 0; j < 3; j++) {
                    s += w2[i][j] * x1[j];
                }
                h2[i] = SW / Math.sqrt(3) * s + SB * b2[i];
                x2[i] = phi(h2[i]);
            }
            return new double[][] {h1, x1, h2, x2};
        }

        double forward(double[] x) {
            double[] x2 = hidden(x)[3];
            return SW / Math.sqrt(3) * (a[0] * x2[0] + a[1] * x2[1] + a[2] * x2[2]) + SB * bo;
        }

        /** ∂f/∂θ in the order W¹, b¹, W², b², a, b_out, with d in place of φ′. */
        double[] gradient(double[] x, DoubleUnaryOperator d) {
            double[][] hx = hidden(x);
            double[] delta2 = new double[3];
            double[] delta1 = new double[3];
            for (int i = 0; i < 3; i++) {
                delta2[i] = SW / Math.sqrt(3) * a[i] * d.applyAsDouble(hx[2][i]);
            }
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int i = 0; i < 3; i++) {
                    s += delta2[i] * w2[i][j];
                }
                delta1[j] = SW / Math.sqrt(3) * s * d.applyAsDouble(hx[0][j]);
            }
            double[] g = new double[6 + 3 + 9 + 3 + 3 + 1];
            int k = 0;
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    g[k++] = delta1[i] * SW / Math.sqrt(2) * x[j];
                }
            }
            for (int i = 0; i < 3; i++) {
                g[k++] = SB * delta1[i];
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    g[k++] = delta2[i] * SW / Math.sqrt(3) * hx[1][j];
                }
            }
            for (int i = 0; i < 3; i++) {
                g[k++] = SB * delta2[i];
            }
            for (int i = 0; i < 3; i++) {
                g[k++] = SW / Math.sqrt(3) * hx[3][i];
            }
            g[k] = SB;
            return g;
        }

        /** The same gradient by central differences of {@link #forward} (true derivative only). */
        double[] numericalGradient(double[] x) {
            double[] g = new double[25];
            double eps = 1e-6;
            for (int k = 0; k < 25; k++) {
                double[] plus = perturbed(k, eps);
                double[] minus = perturbed(k, -eps);
                g[k] = (with(plus).forward(x) - with(minus).forward(x)) / (2 * eps);
            }
            return g;
        }

        private double[] flat() {
            double[] f = new double[25];
            int k = 0;
            for (double[] r : w1) {
                for (double v : r) {
                    f[k++] = v;
                }
            }
            for (double v : b1) {
                f[k++] = v;
            }
            for (double[] r : w2) {
                for (double v : r) {
                    f[k++] = v;
                }
            }
            for (double v : b2) {
                f[k++] = v;
            }
            for (double v : a) {
                f[k++] = v;
            }
            f[k] = bo;
            return f;
        }

        private double[] perturbed(int k, double eps) {
            double[] f = flat();
            f[k] += eps;
            return f;
        }

        private Tiny with(double[] f) {
            return new Tiny(new double[][] {{f[0], f[1]}, {f[2], f[3]}, {f[4], f[5]}}, new double[] {f[6], f[7], f[8]},
                    new double[][] {{f[9], f[10], f[11]}, {f[12], f[13], f[14]}, {f[15], f[16], f[17]}},
                    new double[] {f[18], f[19], f[20]}, new double[] {f[21], f[22], f[23]}, f[24], m);
        }
    }

    private static NDArray inputs(NDManager m, double[][] x) {
        double[] flat = new double[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * x[0].length, x[0].length);
        }
        return m.create(flat, new Shape(x.length, x[0].length));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void handWrittenGradientMatchesFiniteDifferences() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            SurrogateMlp net = SurrogateMlp.builder().setInputs(2).setWidth(3).optDepth(2)
                    .setActivation(Activation.erf(1.5)).optSigmaW(SW).optSigmaB(SB).build();
            net.initialize(m, 11);
            Tiny tiny = Tiny.of(net.parameters(), 1.5);
            Derivative truth = Derivative.erf(1.5);
            for (double[] x : X) {
                double[] exact = tiny.gradient(x, truth::at);
                double[] numeric = tiny.numericalGradient(x);
                for (int k = 0; k < exact.length; k++) {
                    assertEquals(numeric[k], exact[k], 1e-8, "parameter " + k);
                }
            }
            // The NDArray forward pass agrees with the hand-written one.
            double[] f = net.forward(inputs(m, X)).toDoubleArray();
            for (int i = 0; i < X.length; i++) {
                assertEquals(tiny.forward(X[i]), f[i], 1e-13);
            }
        }
    }

    @Test
    void empiricalKernelOfATinyNetworkIsTheHandComputedJacobianProduct() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Derivative surrogate = Derivative.erf(0.8);
            SurrogateMlp net = SurrogateMlp.builder().setInputs(2).setWidth(3).optDepth(2)
                    .setActivation(Activation.erf(1.5)).optSurrogate(surrogate).optSigmaW(SW).optSigmaB(SB).build();
            net.initialize(m, 12);
            Tiny tiny = Tiny.of(net.parameters(), 1.5);
            double[] k = net.kernel(inputs(m, X), inputs(m, X)).toDoubleArray();    // (1, 3, 3)
            Derivative truth = Derivative.erf(1.5);
            for (int i = 0; i < X.length; i++) {
                for (int j = 0; j < X.length; j++) {
                    double expected = dot(tiny.gradient(X[i], truth::at), tiny.gradient(X[j], surrogate::at));
                    assertEquals(expected, k[i * X.length + j], 1e-12, "K[" + i + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void signNetworkHasOnlyTheReadoutInItsTrueGradient() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            SurrogateMlp net = SurrogateMlp.builder().setInputs(2).setWidth(50).optDepth(2)
                    .setActivation(Activation.sign()).optSigmaW(SW).optSigmaB(SB).build();
            net.initialize(m, 13);
            NDArray x = inputs(m, X);
            double[] k = net.kernel(x, x).toDoubleArray();
            // J·Jᵀ with φ′ = 0 a.e. is σ_w²/n·φ(h²)·φ(h²′) + σ_b²: for x = x′ that is σ_w² + σ_b² (φ = ±1).
            assertEquals(SW * SW + SB * SB, k[0], 1e-12);
        }
    }

    @Test
    void surrogateGradientStepMovesOutputsAlongTheEmpiricalKernel() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            SurrogateMlp net = SurrogateMlp.builder().setInputs(2).setWidth(40).optDepth(2)
                    .setActivation(Activation.erf(2)).optSurrogate(Derivative.erf(1)).optSigmaW(SW).optSigmaB(SB)
                    .optEnsemble(2).build();
            net.initialize(m, 14);
            NDArray x = inputs(m, X);
            double[][] test = {{0.2, 0.9}, {-1.0, 0.1}};
            NDArray t = inputs(m, test);
            NDArray y = m.create(new double[] {0.5, -0.2, 1.0});
            double[] f0 = net.forward(t).toDoubleArray();
            double[] r = net.forward(x).sub(y).toDoubleArray();                  // (2, 3)
            double[] k = net.kernel(t, x).toDoubleArray();                        // (2, 2, 3)
            double eta = 1e-6;
            net.step(x, y, eta);
            double[] f1 = net.forward(t).toDoubleArray();
            for (int b = 0; b < 2; b++) {
                for (int i = 0; i < test.length; i++) {
                    double predicted = 0;
                    for (int j = 0; j < X.length; j++) {
                        predicted -= k[(b * test.length + i) * X.length + j] * r[b * X.length + j];
                    }
                    double actual = (f1[b * test.length + i] - f0[b * test.length + i]) / eta;
                    assertEquals(predicted, actual, 1e-4 * Math.max(1, Math.abs(predicted)));
                }
            }
        }
    }

    @Test
    void antitheticPairsStartWithOppositeOutputs() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            SurrogateMlp net = SurrogateMlp.builder().setInputs(2).setWidth(20).setActivation(Activation.sign())
                    .optSurrogate(Derivative.erf(2)).optEnsemble(4).optAntithetic(true).build();
            net.initialize(m, 15);
            double[] f = net.forward(inputs(m, X)).toDoubleArray();             // (4, 3)
            for (int pair = 0; pair < 2; pair++) {
                for (int i = 0; i < 3; i++) {
                    assertEquals(-f[2 * pair * 3 + i], f[(2 * pair + 1) * 3 + i], 1e-15);
                }
            }
            assertThrows(IllegalArgumentException.class, () -> SurrogateMlp.builder().setInputs(2).setWidth(3)
                    .setActivation(Activation.sign()).optEnsemble(3).optAntithetic(true).build());
        }
    }

    @Test
    void ensembleMeanOfEmpiricalKernelsApproachesTheAnalyticKernel() {
        // With one hidden layer the first-layer pre-activations are exactly Gaussian, so E[K̂] = I exactly;
        // 64 networks of width 512 average to within a few percent.
        double[][] x = new double[8][];
        for (int i = 0; i < 8; i++) {
            x[i] = new double[] {Math.cos(0.8 * i), Math.sin(0.8 * i)};
        }
        try (NDManager m = Engines.engine().newBaseManager()) {
            SurrogateMlp net = SurrogateMlp.builder().setInputs(2).setWidth(512).setActivation(Activation.erf(3))
                    .optSurrogate(Derivative.erf(1)).optEnsemble(64).build();
            net.initialize(m, 16);
            NDArray xa = inputs(m, x);
            double[] mean = net.kernel(xa, xa).mean(new int[] {0}).toDoubleArray();
            double[][] analytic = net.analytic().kernel(x, x);
            double err = 0;
            double norm = 0;
            for (int i = 0; i < 8; i++) {
                for (int j = 0; j < 8; j++) {
                    err += Math.pow(mean[i * 8 + j] - analytic[i][j], 2);
                    norm += analytic[i][j] * analytic[i][j];
                }
            }
            assertEquals(0, Math.sqrt(err / norm), 0.03);
        }
    }

    @Test
    void kernelMatricesAreTheKernelPerNetwork() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            SurrogateMlp net = SurrogateMlp.builder().setInputs(2).setWidth(5).setActivation(Activation.erf(1))
                    .optEnsemble(3).build();
            net.initialize(m, 4);
            NDArray a = inputs(m, X);
            NDArray b = inputs(m, new double[][] {X[0], X[2]});
            double[] flat = net.kernel(a, b).toDoubleArray();                    // (3, 3, 2)
            double[][][] k = net.kernelMatrices(a, b);
            assertEquals(3, k.length);
            for (int e = 0; e < 3; e++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 2; j++) {
                        assertEquals(flat[(e * 3 + i) * 2 + j], k[e][i][j], 0);
                    }
                }
            }
        }
    }
}
