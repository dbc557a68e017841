package org.reprolab.papers.kan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.reprolab.engine.NdConstants;

/**
 * A family of univariate functions in which a KAN edge can live: a fixed basis ψ_1 … ψ_n on the normalised
 * input u ∈ [−1, 1], the edge being Σ_c c_c ψ_c(u). S-KAN (Yang et al. 2024) lets each node choose among
 * several such spaces; the four here are the families the S-KAN paper names among its candidates (B-spline,
 * polynomial/Chebyshev, Fourier, Gaussian RBF). Exact forms and sizes are ours (the paper's were not
 * retrieved); a KAN with one space is the matching "single-space KAN".
 *
 * <p>Each space gives its basis twice: {@link #basis(NDArray)} in NDArray ops (autograd flows through u) and
 * {@link #basisRow(double)} in double precision (least-squares refits and tests).
 */
public interface ActivationSpace {

    /** A short name ("B-spline", "Chebyshev", …). */
    String name();

    /** The number n of basis functions. */
    int size();

    /** ψ_c(u) for {@code u (B, in)}: {@code (B, in, n)}. */
    NDArray basis(NDArray u);

    /** ψ_1(u) … ψ_n(u) in double precision. */
    double[] basisRow(double u);

    /** B-splines of order k on G uniform intervals of [−1, 1], extended by k knots: G + k functions. */
    static ActivationSpace bspline(int gridSize, int order) {
        return new BSplineSpace(gridSize, order);
    }

    /** Chebyshev polynomials T_0 … T_d: d + 1 functions. */
    static ActivationSpace chebyshev(int degree) {
        return new ChebyshevSpace(degree);
    }

    /**
     * Fourier modes sin(ω_m u), cos(ω_m u) with ω_m = mπ/2, m = 1 … M: 2M functions (the lowest mode has
     * period 4, twice the domain, so the space is not forced to be periodic on [−1, 1]).
     */
    static ActivationSpace fourier(int modes) {
        return new FourierSpace(modes);
    }

    /** Gaussian bumps exp(−((u − μ_c)/h)²) at n evenly spaced centres on [−1, 1], h their spacing. */
    static ActivationSpace gaussianRbf(int centres) {
        return new RbfSpace(centres);
    }

    /** B-splines on fixed uniform knots. */
    final class BSplineSpace implements ActivationSpace {
        private final int gridSize;
        private final int order;
        private final double[] knots;

        BSplineSpace(int gridSize, int order) {
            if (gridSize < 1 || order < 0) {
                throw new IllegalArgumentException("B-spline space needs G ≥ 1, k ≥ 0");
            }
            this.gridSize = gridSize;
            this.order = order;
            this.knots = BSpline.uniformKnots(gridSize, order, -1, 1);
        }

        @Override
        public String name() {
            return "B-spline";
        }

        @Override
        public int size() {
            return gridSize + order;
        }

        @Override
        public NDArray basis(NDArray u) {
            long in = u.getShape().get(1);
            double[] tiled = new double[(int) in * knots.length];
            for (int i = 0; i < in; i++) {
                System.arraycopy(knots, 0, tiled, i * knots.length, knots.length);
            }
            NDArray t = u.getManager().create(tiled, new Shape(in, knots.length)).toType(u.getDataType(), false);
            return BSpline.basis(u, t, order);
        }

        @Override
        public double[] basisRow(double u) {
            return BSpline.basisRow(u, knots, order);
        }

        @Override
        public String toString() {
            return "B-spline(G=" + gridSize + ", k=" + order + ")";
        }
    }

    /** Chebyshev polynomials by the three-term recurrence T_{n+1} = 2u·T_n − T_{n−1}. */
    final class ChebyshevSpace implements ActivationSpace {
        private final int degree;

        ChebyshevSpace(int degree) {
            if (degree < 1) {
                throw new IllegalArgumentException("Chebyshev space needs degree ≥ 1");
            }
            this.degree = degree;
        }

        @Override
        public String name() {
            return "Chebyshev";
        }

        @Override
        public int size() {
            return degree + 1;
        }

        @Override
        public NDArray basis(NDArray u) {
            NDList terms = new NDList();
            NDArray prev = u.onesLike();
            NDArray cur = u;
            NDArray two = NdConstants.scalar(u, 2);                         // not mul(2): see NdConstants
            terms.add(prev.expandDims(2));
            terms.add(cur.expandDims(2));
            for (int n = 1; n < degree; n++) {
                NDArray next = u.mul(cur).mul(two).sub(prev);                // T_{n+1} = 2u·T_n − T_{n−1}
                terms.add(next.expandDims(2));
                prev = cur;
                cur = next;
            }
            return NDArrays.concat(terms, 2);                               // (B, in, d+1)
        }

        @Override
        public double[] basisRow(double u) {
            double[] t = new double[degree + 1];
            t[0] = 1;
            t[1] = u;
            for (int n = 1; n < degree; n++) {
                t[n + 1] = 2 * u * t[n] - t[n - 1];
            }
            return t;
        }

        @Override
        public String toString() {
            return "Chebyshev(d=" + degree + ")";
        }
    }

    /** Sine and cosine modes. */
    final class FourierSpace implements ActivationSpace {
        private final int modes;

        FourierSpace(int modes) {
            if (modes < 1) {
                throw new IllegalArgumentException("Fourier space needs at least one mode");
            }
            this.modes = modes;
        }

        @Override
        public String name() {
            return "Fourier";
        }

        @Override
        public int size() {
            return 2 * modes;
        }

        @Override
        public NDArray basis(NDArray u) {
            double[] omega = new double[modes];
            for (int m = 0; m < modes; m++) {
                omega[m] = (m + 1) * Math.PI / 2;
            }
            NDArray w = NdConstants.vector(u, omega);                                   // (M)
            NDArray phase = u.expandDims(2).mul(w);                                     // (B, in, M)
            return phase.sin().concat(phase.cos(), 2);                                  // (B, in, 2M)
        }

        @Override
        public double[] basisRow(double u) {
            double[] out = new double[2 * modes];
            for (int m = 0; m < modes; m++) {
                double p = (m + 1) * Math.PI / 2 * u;
                out[m] = Math.sin(p);
                out[modes + m] = Math.cos(p);
            }
            return out;
        }

        @Override
        public String toString() {
            return "Fourier(M=" + modes + ")";
        }
    }

    /** Gaussian radial basis functions on a fixed grid of centres. */
    final class RbfSpace implements ActivationSpace {
        private final int centres;
        private final double width;

        RbfSpace(int centres) {
            if (centres < 2) {
                throw new IllegalArgumentException("RBF space needs at least two centres");
            }
            this.centres = centres;
            this.width = 2.0 / (centres - 1);
        }

        @Override
        public String name() {
            return "Gaussian RBF";
        }

        @Override
        public int size() {
            return centres;
        }

        @Override
        public NDArray basis(NDArray u) {
            double[] c = new double[centres];
            for (int i = 0; i < centres; i++) {
                c[i] = -1 + width * i;
            }
            NDArray mu = u.getManager().create(c).toType(u.getDataType(), false);      // μ_c  (n)
            return u.expandDims(2).sub(mu).div(NdConstants.scalar(u, width)).square().neg().exp(); // (B, in, n)
        }

        @Override
        public double[] basisRow(double u) {
            double[] out = new double[centres];
            for (int c = 0; c < centres; c++) {
                double z = (u - (-1 + width * c)) / width;
                out[c] = Math.exp(-z * z);
            }
            return out;
        }

        @Override
        public String toString() {
            return "RBF(n=" + centres + ")";
        }
    }
}
