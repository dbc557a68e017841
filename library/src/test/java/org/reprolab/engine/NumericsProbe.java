package org.reprolab.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledData;
import org.reprolab.train.Act;
import org.reprolab.train.History;
import org.reprolab.train.Mlp;
import org.reprolab.train.TrainingLoop;

/**
 * A training step run in a fresh JVM by {@link NumericsContractTest}: two epochs of an MLP on 6,000 Fashion-MNIST
 * images with Adam at batch 512, the batch size at which PyTorch splits the bias gradients' reductions by thread.
 * Prints the engine's numerics line, then one line with the losses, accuracies and a hash of every parameter bit.
 */
public final class NumericsProbe {

    private NumericsProbe() {}

    /** Entry point. */
    public static void main(String[] args) {
        LabeledData.Split data = new LabeledData.Split(FashionMnist.train().sample(6_000, new SplittableRandom(1)),
                FashionMnist.test().sample(1_000, new SplittableRandom(2)));
        Engines.seed(3);
        try (NDManager m = Engines.engine().newBaseManager()) {
            Block net = Mlp.builder().setWidth(256).setDepth(2).setOutputs(10).optActivation(Act.GELU).build();
            History h = TrainingLoop.builder().setEpochs(2).setBatchSize(512).optAdam(1e-3f).optShuffleSeed(4)
                    .build().fit(net, data.train(), data.test(), m);
            long hash = 17;
            for (Pair<String, Parameter> p : net.getParameters()) {
                NDArray a = p.getValue().getArray();
                for (float f : a.toFloatArray()) {
                    hash = hash * 31 + Float.floatToRawIntBits(f);
                }
            }
            System.out.println("numerics " + Engines.info().numerics().summary());
            System.out.println("result loss=" + Arrays.toString(h.trainLoss()) + " accuracy="
                    + Arrays.toString(h.testAccuracy()) + " parameters=" + Long.toHexString(hash));
        }
    }
}
