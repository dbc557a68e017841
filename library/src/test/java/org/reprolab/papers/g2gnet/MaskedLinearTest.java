package org.reprolab.papers.g2gnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.reprolab.data.LabeledData;
import org.reprolab.data.Synthetic;
import org.reprolab.engine.Engines;
import org.reprolab.train.TrainingLoop;

class MaskedLinearTest {

    static final float[] MASK = {1, 0, 1, 0, 1, 0}; // [2, 3]

    static MaskedLinear onesLayer(boolean fanInScaling) {
        MaskedLinear l = MaskedLinear.builder().setUnits(2).optMask((m, s, t) -> m.create(MASK, s))
                .optFanInScaling(fanInScaling).build();
        l.setInitializer(Initializer.ONES, Parameter.Type.WEIGHT);
        l.setInitializer((m, s, t) -> m.create(new float[] {0.5f, -1}), Parameter.Type.BIAS);
        return l;
    }

    static float[] forward(MaskedLinear l, NDManager m, float[] x) {
        return l.forward(new ParameterStore(m, false), new NDList(m.create(x, new Shape(1, x.length))), false)
                .singletonOrThrow().toFloatArray();
    }

    @Test
    void forwardIsInputTimesMaskedWeightPlusBias() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            MaskedLinear l = onesLayer(false);
            l.initialize(m, DataType.FLOAT32, new Shape(1, 3));
            // W = 1, M = [[1,0,1],[0,1,0]], x = (1,2,3): y = (1+3+0.5, 2−1).
            assertArrayEquals(new float[] {4.5f, 1f}, forward(l, m, new float[] {1, 2, 3}), 1e-6f);
            assertArrayEquals(MASK, l.weight().toFloatArray());
            assertEquals(3, l.activeWeights());
            assertEquals(0.5, l.sparsity(), 1e-12);
        }
    }

    @Test
    void fanInScalingGivesSparseUnitsTheDenseInputVariance() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            MaskedLinear l = onesLayer(true);
            l.initialize(m, DataType.FLOAT32, new Shape(1, 3));
            // Row 0 has fan-in 2 of 3: ×√(3/2); row 1 fan-in 1: ×√3.
            float a = (float) Math.sqrt(1.5);
            float b = (float) Math.sqrt(3);
            assertArrayEquals(new float[] {a, 0, a, 0, b, 0}, l.weight().toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {4 * a + 0.5f, 2 * b - 1}, forward(l, m, new float[] {1, 2, 3}), 1e-5f);
        }
    }

    @Test
    void maskedWeightsStayExactlyZeroThroughAdamStepsAndRewiring() {
        Engines.seed(4);
        LabeledData train = Synthetic.blobs(256, 12, 3, 1.5, 8);
        try (NDManager m = Engines.engine().newBaseManager()) {
            SequentialBlock net = G2gNet.builder().setHidden(16, 16).setOutputs(3).optEnsembles(4).optFanIn(1)
                    .optSeed(3).build();
            net.initialize(m, DataType.FLOAT32, new Shape(32, 12));
            float[][] before = weights(net);
            // Rewire every 3 steps: pruned weights leave non-zero Adam moments behind, which would move them.
            DynamicSparseTraining dst = DynamicSparseTraining.builder().setNetwork(net).setTotalSteps(80)
                    .optUpdateEvery(3).optRegrowth(DynamicSparseTraining.Regrowth.RANDOM).optSeed(2).build();
            TrainingLoop.builder().setEpochs(10).setBatchSize(32).optAdam(0.01f).optOnBatch(dst::afterStep).build()
                    .fit(net, train, null, m);
            assertFalse(dst.history().isEmpty());
            float[][] after = weights(net);
            int l = 0;
            for (MaskedLinear layer : G2gNet.maskedLayers(net)) {
                float[] mask = layer.mask().toFloatArray();
                int moved = 0;
                for (int i = 0; i < mask.length; i++) {
                    if (mask[i] == 0) {
                        assertEquals(0f, after[l][i], 0f, "masked weight " + i + " of layer " + l); // ±0
                    } else if (after[l][i] != before[l][i]) {
                        moved++;
                    }
                }
                assertTrue(moved > 0, "active weights should train");
                l++;
            }
        }
    }

    static float[][] weights(SequentialBlock net) {
        return G2gNet.maskedLayers(net).stream().map(x -> x.weight().toFloatArray()).toArray(float[][]::new);
    }

    @Test
    void saveAndLoadRoundTripKeepsTheMaskAndTheWeights() throws Exception {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(1);
            SequentialBlock a = G2gNet.builder().setHidden(12, 8).setOutputs(3).optSeed(1).build();
            a.initialize(m, DataType.FLOAT32, new Shape(1, 20));
            // A mask that no factory makes: the load must restore it, not rebuild it.
            MaskedLinear first = G2gNet.maskedLayers(a).get(0);
            float[] custom = Masks.random(12, 20, 0.4, 77);
            first.setMask(custom);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            a.saveParameters(new DataOutputStream(bytes));

            Engines.seed(2);
            SequentialBlock b = G2gNet.builder().setHidden(12, 8).setOutputs(3).optSeed(2).build();
            b.initialize(m, DataType.FLOAT32, new Shape(1, 20));
            assertFalse(Arrays.equals(custom, G2gNet.maskedLayers(b).get(0).mask().toFloatArray()));
            b.loadParameters(m, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

            for (int l = 0; l < 3; l++) {
                MaskedLinear la = G2gNet.maskedLayers(a).get(l);
                MaskedLinear lb = G2gNet.maskedLayers(b).get(l);
                assertArrayEquals(la.mask().toFloatArray(), lb.mask().toFloatArray(), "mask of layer " + l);
                assertArrayEquals(la.weight().toFloatArray(), lb.weight().toFloatArray(), "weight of layer " + l);
            }
            assertArrayEquals(custom, G2gNet.maskedLayers(b).get(0).mask().toFloatArray());
            NDArray x = m.randomNormal(new Shape(5, 20));
            ParameterStore ps = new ParameterStore(m, false);
            assertArrayEquals(a.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray(),
                    b.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray(), 0f);
        }
    }
}
