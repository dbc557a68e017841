package org.reprolab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.reprolab.engine.Engines;
import org.reprolab.engine.Progress;

/**
 * Full-batch least-squares regression of any block: minimise \( \frac{1}{N}\sum_n (f(x_n) - y_n)^2 \) (plus
 * optional penalties) by L-BFGS ({@link Lbfgs}) or Adam, with gradients from DJL autograd. The trainable
 * parameters are gathered into one vector of doubles, so both optimisers run in double precision whatever the
 * block's data type. This is how small function-fitting models are trained (the KAN paper fits its toy
 * functions this way, full batch with L-BFGS).
 *
 * <p>A callback can run every few iterations early in training (e.g. a KAN's grid update: pykan updates the
 * grid every 5 steps during the first 50); the optimiser's memory is reset after it, since it moved the
 * parameters.
 *
 * <pre>{@code
 * RegressionFit.Result r = RegressionFit.builder().setIterations(200)
 *         .optCallback(5, 50, () -> kan.updateGrid(x)).build().fit(kan, x, y);
 * double rmse = RegressionFit.rmse(kan, xTest, yTest);
 * }</pre>
 */
public final class RegressionFit {

    private final int iterations;
    private final Double adamRate;
    private final Lbfgs lbfgs;
    private final Supplier<NDArray> penalty;
    private final double weightDecay;
    private final int callbackEvery;
    private final int callbackUntil;
    private final Runnable callback;
    private final String name;

    private RegressionFit(Builder b) {
        this.iterations = b.iterations;
        this.adamRate = b.adamRate;
        this.lbfgs = b.lbfgs;
        this.penalty = b.penalty;
        this.weightDecay = b.weightDecay;
        this.callbackEvery = b.callbackEvery;
        this.callbackUntil = b.callbackUntil;
        this.callback = b.callback;
        this.name = b.name;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What a fit did.
     *
     * @param loss the training objective (MSE plus penalty) after each iteration
     * @param evaluations forward-backward passes
     * @param stop why it stopped early, or empty
     * @param seconds wall time
     */
    public record Result(double[] loss, int evaluations, String stop, double seconds) {

        /** The last training objective. */
        public double finalLoss() {
            return loss.length == 0 ? Double.NaN : loss[loss.length - 1];
        }
    }

    /**
     * Fits the initialised {@code block} to targets {@code y (N, out)} at inputs {@code x (N, in)}; the block's
     * parameters are updated in place.
     */
    public Result fit(Block block, NDArray x, NDArray y) {
        long t0 = System.nanoTime();
        List<Parameter> params = trainable(block);
        ParameterStore ps = new ParameterStore(x.getManager(), false);
        int[] evaluations = new int[1];
        Lbfgs.Objective objective = (theta, grad) -> {
            evaluations[0]++;
            scatter(params, theta);
            double value = lossAndGradient(block, ps, params, x, y, grad);
            if (weightDecay > 0) {
                for (int i = 0; i < theta.length; i++) {
                    value += weightDecay * theta[i] * theta[i];                     // + λ‖θ‖²
                    grad[i] += 2 * weightDecay * theta[i];
                }
            }
            return value;
        };
        double[] theta = gather(params);
        double[] loss = new double[iterations];
        String stop = "";
        int done = 0;
        try (Progress progress = Progress.start(name, iterations)) {
            if (adamRate == null) {
                Lbfgs.State s = lbfgs.start(objective, theta);
                for (int it = 0; it < iterations; it++) {
                    if (!s.step()) {
                        stop = s.stopReason();
                        break;
                    }
                    loss[it] = s.value();
                    done = it + 1;
                    progress.step(String.format("loss %.3e", s.value()));
                    if (runCallback(it)) {
                        s.reset(gather(params));
                    }
                }
                scatter(params, s.x());
            } else {
                Adam adam = new Adam(theta.length, adamRate);
                double[] grad = new double[theta.length];
                for (int it = 0; it < iterations; it++) {
                    loss[it] = objective.evaluate(theta, grad);
                    if (!Double.isFinite(loss[it])) {
                        stop = "objective is not finite";
                        done = it + 1;
                        break;
                    }
                    adam.update(theta, grad);
                    done = it + 1;
                    progress.step(String.format("loss %.3e", loss[it]));
                    scatter(params, theta);
                    if (runCallback(it)) {
                        theta = gather(params);
                        adam = new Adam(theta.length, adamRate);
                    }
                }
                scatter(params, theta);
            }
        }
        double[] trace = java.util.Arrays.copyOf(loss, done);
        return new Result(trace, evaluations[0], stop, (System.nanoTime() - t0) / 1e9);
    }

    private boolean runCallback(int it) {
        if (callback != null && (it + 1) % callbackEvery == 0 && it + 1 <= callbackUntil) {
            callback.run();
            return true;
        }
        return false;
    }

    private double lossAndGradient(Block block, ParameterStore ps, List<Parameter> params, NDArray x, NDArray y,
            double[] grad) {
        double value;
        try (NDScope scope = new NDScope()) {
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                NDArray pred = block.forward(ps, new NDList(x), true).singletonOrThrow();
                NDArray l = pred.sub(y).square().mean();                            // (1/N) Σ (f(x) − y)²
                if (penalty != null) {
                    l = l.add(penalty.get());
                }
                gc.backward(l);
                value = l.toType(DataType.FLOAT64, false).getDouble();
            }
            int p = 0;
            for (Parameter param : params) {
                NDArray g = param.getArray().getGradient();
                double[] v = g.toType(DataType.FLOAT64, false).toDoubleArray();
                System.arraycopy(v, 0, grad, p, v.length);
                p += v.length;
                g.muli(0);                                                           // PyTorch accumulates
            }
        }
        return value;
    }

    /** Root-mean-square error of {@code block} on {@code (x, y)}, in inference mode. */
    public static double rmse(Block block, NDArray x, NDArray y) {
        try (NDScope scope = new NDScope()) {
            NDArray pred = block.forward(new ParameterStore(x.getManager(), false), new NDList(x), false)
                    .singletonOrThrow();
            return Math.sqrt(pred.sub(y).square().mean().toType(DataType.FLOAT64, false).getDouble());
        }
    }

    /** The block's predictions at {@code x}, flattened, in double precision. */
    public static double[] predict(Block block, NDArray x) {
        try (NDScope scope = new NDScope()) {
            NDArray pred = block.forward(new ParameterStore(x.getManager(), false), new NDList(x), false)
                    .singletonOrThrow();
            return pred.toType(DataType.FLOAT64, false).toDoubleArray();
        }
    }

    /** The parameters that take gradients, in the block's order. */
    public static List<Parameter> trainable(Block block) {
        List<Parameter> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                out.add(p.getValue());
            }
        }
        return out;
    }

    /** The number of trainable scalars of {@code block}. */
    public static long countTrainable(Block block) {
        long n = 0;
        for (Parameter p : trainable(block)) {
            n += p.getArray().size();
        }
        return n;
    }

    private static double[] gather(List<Parameter> params) {
        int n = 0;
        for (Parameter p : params) {
            n += (int) p.getArray().size();
        }
        double[] theta = new double[n];
        int at = 0;
        for (Parameter p : params) {
            double[] v = p.getArray().toType(DataType.FLOAT64, false).toDoubleArray();
            System.arraycopy(v, 0, theta, at, v.length);
            at += v.length;
        }
        return theta;
    }

    private static void scatter(List<Parameter> params, double[] theta) {
        int at = 0;
        for (Parameter p : params) {
            NDArray a = p.getArray();
            int n = (int) a.size();
            if (a.getDataType() == DataType.FLOAT64) {
                a.set(DoubleBuffer.wrap(theta, at, n).slice());
            } else {
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    f[i] = (float) theta[at + i];
                }
                a.set(FloatBuffer.wrap(f));
            }
            at += n;
        }
    }

    /** Builds a {@link RegressionFit}. */
    public static final class Builder {
        private int iterations;
        private Double adamRate;
        private Lbfgs lbfgs = Lbfgs.builder().build();
        private Supplier<NDArray> penalty;
        private double weightDecay;
        private int callbackEvery = 1;
        private int callbackUntil;
        private Runnable callback;
        private String name = "fit";

        /** Optimiser iterations (required): L-BFGS iterations, or Adam steps. */
        public Builder setIterations(int iterations) {
            this.iterations = iterations;
            return this;
        }

        /** L-BFGS with the given settings (the default is L-BFGS with history 10). */
        public Builder optLbfgs(Lbfgs lbfgs) {
            this.lbfgs = lbfgs;
            this.adamRate = null;
            return this;
        }

        /** Adam at a fixed learning rate instead of L-BFGS. */
        public Builder optAdam(double learningRate) {
            this.adamRate = learningRate;
            return this;
        }

        /** A penalty added to the MSE, computed from the parameters inside the gradient scope. */
        public Builder optPenalty(Supplier<NDArray> penalty) {
            this.penalty = penalty;
            return this;
        }

        /**
         * Adds λ‖θ‖² over all trainable parameters; default 0. A tiny λ (say 1e-10) only bounds directions the
         * data leave flat (e.g. a base function that a smooth basis can also represent).
         */
        public Builder optWeightDecay(double lambda) {
            this.weightDecay = lambda;
            return this;
        }

        /** Runs {@code action} after every {@code every}-th iteration up to iteration {@code until}. */
        public Builder optCallback(int every, int until, Runnable action) {
            this.callbackEvery = every;
            this.callbackUntil = until;
            this.callback = action;
            return this;
        }

        /** Name on the progress bar. */
        public Builder optName(String name) {
            this.name = name;
            return this;
        }

        /** The fit. */
        public RegressionFit build() {
            if (iterations < 1) {
                throw new IllegalArgumentException("RegressionFit needs setIterations(n ≥ 1)");
            }
            if (callback != null && callbackEvery < 1) {
                throw new IllegalArgumentException("callback period must be ≥ 1");
            }
            return new RegressionFit(this);
        }
    }
}
