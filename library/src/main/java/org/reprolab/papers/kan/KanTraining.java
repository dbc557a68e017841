package org.reprolab.papers.kan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import org.reprolab.engine.Engines;
import org.reprolab.engine.Interrupts;
import org.reprolab.math.Residuals;
import org.reprolab.math.Stats;
import org.reprolab.train.Act;
import org.reprolab.train.Mlp;
import org.reprolab.train.RegressionFit;

/**
 * How the KAN and S-KAN experiments train their models, once for the reproduction and the notebook: KANs by
 * L-BFGS with pykan's grid-update schedule and grid extension, S-KAN's three stages, and the same-size MLP.
 * Every model is full-batch, in float64.
 *
 * <pre>{@code
 * KanBlock net = KanTraining.kan(manager, 3, 2, 1, 1);
 * List<KanTraining.GridStep> sweep = KanTraining.extendAndFit(net, train, test, new int[] {3, 5, 10}, 100, "toy");
 * }</pre>
 */
public final class KanTraining {

    /** A tiny ridge for the S-KAN comparison (every model of it): bounds directions the data leave flat. */
    public static final double WEIGHT_DECAY = 1e-10;

    private KanTraining() {}

    /** A KAN of {@code widths} on {@code grid} intervals per edge, initialised in float64. */
    public static KanBlock kan(NDManager m, int grid, int... widths) {
        KanBlock net = KanBlock.builder().setWidths(widths).optGridSize(grid).build();
        net.initialize(m, DataType.FLOAT64, new Shape(1, widths[0]));
        return net;
    }

    /**
     * Fits {@code net} to {@code (x, y)} by {@code iterations} L-BFGS iterations with pykan's schedule: the grid
     * follows the samples every 5 iterations during the first quarter (at most the first 50).
     */
    public static RegressionFit.Result fit(KanBlock net, NDArray x, NDArray y, int iterations, String name) {
        return RegressionFit.builder().setIterations(iterations)
                .optCallback(5, Math.min(50, iterations / 4), () -> net.updateGrid(x)).optName(name).build()
                .fit(net, x, y);
    }

    /**
     * One grid of a grid-extension sweep, after training on it.
     *
     * @param grid intervals per edge
     * @param parameters trainable numbers
     * @param trainRmse training RMSE
     * @param testRmse test RMSE
     * @param testRootMedian √(median squared test error), the paper's robust error (Fig. 2.3)
     * @param worstShare the share of the test squared error carried by the 5 worst test points
     * @param net the trained network on this grid
     */
    public record GridStep(int grid, long parameters, double trainRmse, double testRmse, double testRootMedian,
            double worstShare, KanBlock net) { }

    /**
     * The paper's grid-extension schedule (Sec. 2.4): trains {@code start} on its grid, extends it to the next
     * grid of {@code grids} by the paper's rule and trains again, and so on. {@code train} and {@code test} are
     * {inputs, targets}; {@code grids[0]} must be {@code start}'s grid.
     */
    public static List<GridStep> extendAndFit(KanBlock start, NDArray[] train, NDArray[] test, int[] grids,
            int iterations, String name) {
        if (grids[0] != start.gridSize()) {
            throw new IllegalArgumentException("the sweep starts at G=" + grids[0] + " but the network has G="
                    + start.gridSize());
        }
        List<GridStep> out = new ArrayList<>();
        KanBlock net = start;
        double[] testY = test[1].toDoubleArray();
        for (int g = 0; g < grids.length; g++) {
            Interrupts.check();
            if (g > 0) {
                net = net.refine(train[0], grids[g]);
            }
            fit(net, train[0], train[1], iterations, name + " G=" + grids[g]);
            Residuals r = Residuals.of(RegressionFit.predict(net, test[0]), testY);
            out.add(new GridStep(grids[g], net.trainableCount(), RegressionFit.rmse(net, train[0], train[1]), r.rms(),
                    r.rootMedianSquare(), r.shareOfLargestSquares(5), net));
        }
        return out;
    }

    /**
     * How much grid extension changed a network's outputs, relative to the standard deviation of its outputs on
     * the test inputs.
     *
     * @param rmsTest RMS change over the test inputs / sd
     * @param maxTest largest change over the test inputs / sd
     * @param maxTrain largest change over the training inputs (where the least squares is made) / sd
     */
    public record ExtensionChange(double rmsTest, double maxTest, double maxTrain) { }

    /**
     * Extends {@code coarse} to {@code newGrid} intervals by {@code rule} (least squares at the training inputs
     * {@code trainX}) and measures the change of its outputs on {@code testX} and {@code trainX}.
     */
    public static ExtensionChange extensionChange(KanBlock coarse, NDArray trainX, NDArray testX, int newGrid,
            KanLayer.KnotRule rule) {
        double[] before = RegressionFit.predict(coarse, testX);
        double sd = Stats.sd(before);
        KanBlock fine = coarse.refine(trainX, newGrid, rule);
        Residuals test = Residuals.of(RegressionFit.predict(fine, testX), before);
        Residuals train = Residuals.of(RegressionFit.predict(fine, trainX), RegressionFit.predict(coarse, trainX));
        return new ExtensionChange(test.rms() / sd, test.maxAbs() / sd, train.maxAbs() / sd);
    }

    /** An S-KAN of {@code widths} over {@code spaces} (one space: the single-space KAN), initialised in float64. */
    public static SKanBlock skan(NDManager m, int[] widths, List<ActivationSpace> spaces) {
        SKanBlock net = SKanBlock.builder().setWidths(widths).optSpaces(spaces).build();
        net.initialize(m, DataType.FLOAT64, new Shape(1, widths[0]));
        return net;
    }

    /** Fits an S-KAN by L-BFGS, its input domains following the samples every 5 iterations until {@code until}. */
    public static void fitSKan(SKanBlock net, NDArray x, NDArray y, int iterations, int until, String name) {
        RegressionFit.builder().setIterations(iterations).optWeightDecay(WEIGHT_DECAY)
                .optCallback(5, until, () -> net.updateDomain(x)).optName(name).build().fit(net, x, y);
    }

    /**
     * S-KAN's three stages (our reconstruction). Stage 1: all spaces together for half the iterations, domains
     * updated early. Stage 2: M − 1 rounds, each dropping at every node the space whose removal raises the
     * training error least, then fine-tuning for an eighth of the iterations. Stage 3: the pruned network
     * trained like a single-space KAN. Returns the parameter count before pruning.
     */
    public static long trainSKan(SKanBlock net, NDArray x, NDArray y, int iterations, String name) {
        int stage1 = iterations / 2;
        fitSKan(net, x, y, stage1, stage1 / 2, name + " S-KAN stage 1");
        long all = net.effectiveParameterCount();
        int spaces = net.layers().get(0).spaces().size();
        for (int round = 0; round < spaces - 1; round++) {
            net.dropLeastUseful(x, y);
            RegressionFit.builder().setIterations(Math.max(1, iterations / 8)).optWeightDecay(WEIGHT_DECAY)
                    .optName(name + " S-KAN stage 2").build().fit(net, x, y);
        }
        fitSKan(net, x, y, iterations, iterations / 2, name + " S-KAN stage 3");
        return all;
    }

    /** Parameters of a two-hidden-layer MLP of width {@code w} on {@code d} inputs with one output. */
    public static long mlpParameters(int d, int w) {
        return (long) d * w + w + (long) w * w + w + w + 1;
    }

    /** A two-hidden-layer tanh MLP whose parameter count is closest to {@code target}, initialised in float64. */
    public static Block mlp(NDManager m, int inputs, long target) {
        int best = 1;
        for (int w = 1; w <= 512; w++) {
            if (Math.abs(mlpParameters(inputs, w) - target) < Math.abs(mlpParameters(inputs, best) - target)) {
                best = w;
            }
        }
        Block net = Mlp.builder().setWidth(best).setDepth(2).setOutputs(1).optActivation(Act.TANH).build();
        net.initialize(m, DataType.FLOAT64, new Shape(1, inputs));
        return net;
    }

    /**
     * One task of the S-KAN comparison at one seed.
     *
     * @param single test RMSE of each single-space KAN, in the pool's order
     * @param skan test RMSE of the pruned S-KAN
     * @param mlp test RMSE of the same-size MLP
     * @param choice S-KAN's chosen space per layer and node
     * @param skanParametersAll S-KAN's parameters before pruning
     * @param skanParameters the pruned S-KAN's parameters
     * @param mlpParameters the MLP's parameters
     */
    public record Comparison(double[] single, double skan, double mlp, List<List<String>> choice,
            long skanParametersAll, long skanParameters, long mlpParameters) { }

    /**
     * Trains, on {@code train} = {inputs, targets}, a single-space KAN for every space of {@code pool} (the
     * iterations and domain updates of S-KAN's stage 3), the S-KAN over the pool ({@link #trainSKan}) and the
     * MLP closest in size to the pruned S-KAN, and tests them on {@code test}. The engine is seeded with
     * {@code initSeed} before each model is built.
     */
    public static Comparison compare(NDManager m, ToyFunction task, NDArray[] train, NDArray[] test,
            List<ActivationSpace> pool, int iterations, long initSeed) {
        double[] single = new double[pool.size()];
        for (int s = 0; s < pool.size(); s++) {
            Interrupts.check();
            Engines.seed(initSeed);
            SKanBlock net = skan(m, task.kanShape(), List.of(pool.get(s)));
            fitSKan(net, train[0], train[1], iterations, iterations / 2, task.name() + " " + pool.get(s).name());
            single[s] = RegressionFit.rmse(net, test[0], test[1]);
        }
        Engines.seed(initSeed);
        SKanBlock sk = skan(m, task.kanShape(), pool);
        long all = trainSKan(sk, train[0], train[1], iterations, task.name());
        double skRmse = RegressionFit.rmse(sk, test[0], test[1]);
        long pruned = sk.effectiveParameterCount();
        Engines.seed(initSeed);
        Block mlp = mlp(m, task.dims(), pruned);
        RegressionFit.builder().setIterations(iterations).optWeightDecay(WEIGHT_DECAY).optName(task.name() + " MLP")
                .build().fit(mlp, train[0], train[1]);
        return new Comparison(single, skRmse, RegressionFit.rmse(mlp, test[0], test[1]), sk.chosenSpaces(), all,
                pruned, RegressionFit.countTrainable(mlp));
    }
}
