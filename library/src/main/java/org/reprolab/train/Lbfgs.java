package org.reprolab.train;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Limited-memory BFGS with a strong-Wolfe line search (Nocedal and Wright, Numerical Optimization, 2nd ed.,
 * Algorithms 7.4, 3.5 and 3.6), on a flat vector of doubles, for full-batch fits of small models (the KAN
 * paper trains with L-BFGS: pykan uses history 10 and a strong-Wolfe line search). DJL has no L-BFGS; this one
 * takes any objective, and {@link RegressionFit} feeds it gradients from DJL autograd.
 *
 * <p>It is a stepper: {@link #start} evaluates the objective once, each {@link State#step()} is one
 * iteration (one line search, usually 1-3 evaluations), and {@link State#reset()} re-evaluates and clears the
 * curvature memory after the caller changed x in place (a KAN grid update does).
 *
 * <pre>{@code
 * Lbfgs.State s = Lbfgs.builder().build().start(f, x0);
 * for (int i = 0; i < 200 && s.step(); i++) { }
 * double[] xMin = s.x();
 * }</pre>
 */
public final class Lbfgs {

    /** An objective: writes ∇f(x) into {@code grad} and returns f(x). */
    @FunctionalInterface
    public interface Objective {
        /** f(x), with ∇f(x) written to {@code grad}. */
        double evaluate(double[] x, double[] grad);
    }

    private final int history;
    private final double c1;
    private final double c2;
    private final int maxLineSearch;
    private final double gradTolerance;
    private final double changeTolerance;

    private Lbfgs(Builder b) {
        this.history = b.history;
        this.c1 = b.c1;
        this.c2 = b.c2;
        this.maxLineSearch = b.maxLineSearch;
        this.gradTolerance = b.gradTolerance;
        this.changeTolerance = b.changeTolerance;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a minimisation of {@code f} from {@code x0} (copied). */
    public State start(Objective f, double[] x0) {
        return new State(f, x0.clone());
    }

    /** The iteration state: current point, value, gradient and curvature pairs. */
    public final class State {
        private final Objective f;
        private final double[] x;
        private double[] g;
        private double fx;
        private final Deque<double[][]> pairs = new ArrayDeque<>();    // {s, y, {1/(yᵀs)}}
        private int evaluations;
        private int iterations;
        private boolean first = true;
        private String stop = "";

        private State(Objective f, double[] x) {
            this.f = f;
            this.x = x;
            this.g = new double[x.length];
            this.fx = eval(x, g);
        }

        private double eval(double[] at, double[] grad) {
            evaluations++;
            return f.evaluate(at, grad);
        }

        /**
         * One iteration. Returns false (and does nothing) once converged or stuck; {@link #stopReason()} says
         * which.
         */
        public boolean step() {
            if (!stop.isEmpty()) {
                return false;
            }
            if (!Double.isFinite(fx)) {
                stop = "objective is not finite";
                return false;
            }
            if (maxAbs(g) <= gradTolerance) {
                stop = "gradient below tolerance";
                return false;
            }
            double[] d = direction();
            double gtd = dot(g, d);
            if (!(gtd < 0)) {                                     // not a descent direction: restart
                pairs.clear();
                d = scale(g, -1);
                gtd = dot(g, d);
                first = true;
            }
            double t0 = first ? Math.min(1, 1 / sumAbs(g)) : 1;
            double[] gNew = new double[x.length];
            double[] fNew = new double[1];
            double t = lineSearch(d, gtd, t0, gNew, fNew);
            if (t == 0) {
                if (!pairs.isEmpty()) {                          // forget curvature, retry next step
                    pairs.clear();
                    first = true;
                    return true;
                }
                stop = "line search made no progress";
                return false;
            }
            double[] s = scale(d, t);
            double[] yv = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] += s[i];
                yv[i] = gNew[i] - g[i];
            }
            double ys = dot(yv, s);
            if (ys > 1e-10 * Math.sqrt(dot(s, s) * dot(yv, yv))) {   // keep only pairs with curvature
                if (pairs.size() == history) {
                    pairs.removeFirst();
                }
                pairs.addLast(new double[][] {s, yv, {1 / ys}});
            }
            double change = Math.abs(fNew[0] - fx);
            fx = fNew[0];
            g = gNew;
            first = false;
            iterations++;
            if (change < changeTolerance || maxAbs(s) < changeTolerance) {
                stop = "change below tolerance";
            }
            return true;
        }

        /** Two-loop recursion: d = −H∇f with H₀ = (sᵀy / yᵀy)·I (Algorithm 7.4). */
        private double[] direction() {
            double[] q = scale(g, -1);
            if (pairs.isEmpty()) {
                return q;
            }
            double[] alpha = new double[pairs.size()];
            int idx = pairs.size() - 1;
            var it = pairs.descendingIterator();
            while (it.hasNext()) {
                double[][] p = it.next();
                alpha[idx] = p[2][0] * dot(p[0], q);
                axpy(-alpha[idx], p[1], q);
                idx--;
            }
            double[][] last = pairs.getLast();
            double gamma = 1 / (last[2][0] * dot(last[1], last[1]));
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
            idx = 0;
            for (double[][] p : pairs) {
                double beta = p[2][0] * dot(p[1], q);
                axpy(alpha[idx] - beta, p[0], q);
                idx++;
            }
            return q;
        }

        /**
         * Strong-Wolfe line search along d from x (Algorithm 3.5 with zoom, Algorithm 3.6, and cubic
         * interpolation). Returns the accepted step (0 if none decreased f), leaving f and ∇f there in
         * {@code fOut} and {@code gOut}.
         */
        private double lineSearch(double[] d, double gtd0, double t0, double[] gOut, double[] fOut) {
            double f0 = fx;
            double tPrev = 0;
            double fPrev = f0;
            double gtdPrev = gtd0;
            double[] gPrev = g.clone();
            double t = t0;
            double[] trial = new double[x.length];
            double[] gt = new double[x.length];
            for (int i = 0; i < maxLineSearch; i++) {
                double ft = evalAt(t, d, trial, gt);
                double gtd = dot(gt, d);
                if (ft > f0 + c1 * t * gtd0 || (i > 0 && ft >= fPrev) || !Double.isFinite(ft)) {
                    return zoom(d, f0, gtd0, tPrev, fPrev, gtdPrev, gPrev, t, ft, gtd, gOut, fOut);
                }
                if (Math.abs(gtd) <= -c2 * gtd0) {
                    System.arraycopy(gt, 0, gOut, 0, gt.length);
                    fOut[0] = ft;
                    return t;
                }
                if (gtd >= 0) {
                    return zoom(d, f0, gtd0, t, ft, gtd, gt.clone(), tPrev, fPrev, gtdPrev, gOut, fOut);
                }
                double tNext = cubicMin(tPrev, fPrev, gtdPrev, t, ft, gtd, t + 0.01 * (t - tPrev), 10 * t);
                tPrev = t;
                fPrev = ft;
                gtdPrev = gtd;
                gPrev = gt.clone();
                t = tNext;
            }
            // Out of evaluations while still descending: accept the last decreasing point.
            if (fPrev < f0) {
                System.arraycopy(gPrev, 0, gOut, 0, gPrev.length);
                fOut[0] = fPrev;
                return tPrev;
            }
            return 0;
        }

        private double zoom(double[] d, double f0, double gtd0, double lo, double flo, double gtdLo, double[] gLo,
                double hi, double fhi, double gtdHi, double[] gOut, double[] fOut) {
            double[] trial = new double[x.length];
            double[] gt = new double[x.length];
            for (int i = 0; i < maxLineSearch; i++) {
                double a = Math.min(lo, hi);
                double b = Math.max(lo, hi);
                double width = b - a;
                if (width * maxAbs(d) < 1e-16 * Math.max(1, maxAbs(x))) {
                    break;
                }
                double t = Double.isFinite(fhi) ? cubicMin(lo, flo, gtdLo, hi, fhi, gtdHi, a, b) : (a + b) / 2;
                if (Math.min(t - a, b - t) < 0.1 * width) {               // safeguard: stay inside
                    t = (a + b) / 2;
                }
                double ft = evalAt(t, d, trial, gt);
                double gtd = dot(gt, d);
                if (ft > f0 + c1 * t * gtd0 || ft >= flo || !Double.isFinite(ft)) {
                    hi = t;
                    fhi = ft;
                    gtdHi = gtd;
                } else {
                    if (Math.abs(gtd) <= -c2 * gtd0) {
                        System.arraycopy(gt, 0, gOut, 0, gt.length);
                        fOut[0] = ft;
                        return t;
                    }
                    if (gtd * (hi - lo) >= 0) {
                        hi = lo;
                        fhi = flo;
                        gtdHi = gtdLo;
                    }
                    lo = t;
                    flo = ft;
                    gtdLo = gtd;
                    gLo = gt.clone();
                }
            }
            if (lo > 0 && flo < f0) {                                   // sufficient decrease, weak curvature
                System.arraycopy(gLo, 0, gOut, 0, gLo.length);
                fOut[0] = flo;
                return lo;
            }
            return 0;
        }

        private double evalAt(double t, double[] d, double[] trial, double[] grad) {
            for (int i = 0; i < x.length; i++) {
                trial[i] = x[i] + t * d[i];
            }
            return eval(trial, grad);
        }

        /**
         * Re-evaluates f and ∇f at the current x after the caller changed the objective or x (e.g. a grid
         * update), and forgets the curvature pairs.
         */
        public void reset(double[] newX) {
            System.arraycopy(newX, 0, x, 0, x.length);
            pairs.clear();
            first = true;
            stop = "";
            fx = eval(x, g);
        }

        /** Re-evaluates at the current x and forgets the curvature pairs. */
        public void reset() {
            reset(x.clone());
        }

        /** The current point (a copy). */
        public double[] x() {
            return x.clone();
        }

        /** f at the current point. */
        public double value() {
            return fx;
        }

        /** Objective evaluations so far. */
        public int evaluations() {
            return evaluations;
        }

        /** Completed iterations. */
        public int iterations() {
            return iterations;
        }

        /** Why the last {@link #step()} returned false, or empty. */
        public String stopReason() {
            return stop;
        }
    }

    /**
     * The minimiser of the cubic through (x1, f1) and (x2, f2) with slopes g1, g2 (Nocedal and Wright
     * Eq. 3.59), clamped to [lo, hi]; the midpoint when the cubic has no minimiser.
     */
    static double cubicMin(double x1, double f1, double g1, double x2, double f2, double g2, double lo, double hi) {
        double a = Math.min(lo, hi);
        double b = Math.max(lo, hi);
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2sq = d1 * d1 - g1 * g2;
        if (d2sq >= 0 && x1 != x2) {
            double d2 = Math.sqrt(d2sq) * Math.signum(x2 - x1);
            double m = x2 - (x2 - x1) * (g2 + d2 - d1) / (g2 - g1 + 2 * d2);
            if (Double.isFinite(m)) {
                return Math.min(Math.max(m, a), b);
            }
        }
        return (a + b) / 2;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] scale(double[] v, double a) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = a * v[i];
        }
        return out;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    private static double sumAbs(double[] v) {
        double s = 0;
        for (double e : v) {
            s += Math.abs(e);
        }
        return s;
    }

    /** Builds an {@link Lbfgs}. */
    public static final class Builder {
        private int history = 10;
        private double c1 = 1e-4;
        private double c2 = 0.9;
        private int maxLineSearch = 25;
        private double gradTolerance = 1e-14;
        private double changeTolerance = 1e-20;

        /** Curvature pairs kept; default 10 (pykan's history size). */
        public Builder optHistory(int history) {
            this.history = history;
            return this;
        }

        /** Sufficient-decrease and curvature constants of the strong Wolfe conditions; default 1e-4, 0.9. */
        public Builder optWolfe(double c1, double c2) {
            this.c1 = c1;
            this.c2 = c2;
            return this;
        }

        /** Evaluations per line search (and per zoom); default 25. */
        public Builder optMaxLineSearch(int n) {
            this.maxLineSearch = n;
            return this;
        }

        /** Stop when max |∇f| falls to this; default 1e-14. */
        public Builder optGradientTolerance(double tol) {
            this.gradTolerance = tol;
            return this;
        }

        /** Stop when f or the step changes by less than this; default 1e-20. */
        public Builder optChangeTolerance(double tol) {
            this.changeTolerance = tol;
            return this;
        }

        /** The optimiser. */
        public Lbfgs build() {
            if (history < 1 || !(c1 > 0 && c1 < c2 && c2 < 1) || maxLineSearch < 1) {
                throw new IllegalArgumentException("L-BFGS needs history ≥ 1, 0 < c1 < c2 < 1, line-search budget ≥ 1");
            }
            return new Lbfgs(this);
        }
    }
}
