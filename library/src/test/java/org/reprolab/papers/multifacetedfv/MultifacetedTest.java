package org.reprolab.papers.multifacetedfv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

class MultifacetedTest {

    /** A 2×2-pixel "image" net: one linear layer, logits z = W x with W = [[1, −1, 0, 2], [0, 0, 1, 0]]. */
    static SequentialBlock linear(NDManager m) {
        SequentialBlock net = new SequentialBlock();
        Linear l = Linear.builder().setUnits(2).optBias(false).build();
        l.setInitializer((mm, s, t) -> mm.create(new float[] {1, -1, 0, 2, 0, 0, 1, 0}, s), Parameter.Type.WEIGHT);
        net.add(l);
        net.initialize(m, DataType.FLOAT32, new Shape(1, 4));
        return net;
    }

    @Test
    void activationMaximisationOfALinearLogitFollowsItsWeightsAndClips() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            SequentialBlock net = linear(m);
            // ∇z_0 = (1, −1, 0, 2); with decay λ: x ← clip(x + η(w − 2λx)). Three steps of η = 0.1, λ = 0, no blur.
            ActivationMaximization am = new ActivationMaximization(3, 0.1, 0, 0, 0, 2);
            float[][] x = am.run(net, 0, new float[][] {{0.5f, 0.5f, 0.5f, 0.5f}}, m);
            assertArrayEquals(new float[] {0.8f, 0.2f, 0.5f, 1f}, x[0], 1e-6f);
            // With decay 0.5 a pixel of zero gradient decays geometrically: 0.5·(1 − 0.1)³.
            float[][] y = new ActivationMaximization(3, 0.1, 0.5, 0, 0, 2).run(net, 0,
                    new float[][] {{0.5f, 0.5f, 0.5f, 0.5f}}, m);
            assertEquals(0.5 * Math.pow(0.9, 3), y[0][2], 1e-6);
        }
    }

    @Test
    void blurKeepsAConstantImageAndSpreadsAnImpulseSymmetrically() {
        float[] flat = new float[25];
        java.util.Arrays.fill(flat, 0.3f);
        assertArrayEquals(flat, ActivationMaximization.blur(flat, 5, 1.0), 1e-6f);
        float[] impulse = new float[25];
        impulse[12] = 1;
        float[] b = ActivationMaximization.blur(impulse, 5, 0.8);
        assertEquals(b[11], b[13], 1e-7);
        assertEquals(b[7], b[17], 1e-7);
        assertEquals(b[11], b[7], 1e-7);
    }

    @Test
    void meanPairwiseCorrelationOfHandComputedImages() {
        float[] a = {0, 1, 2};
        float[] b = {0, 2, 4};                                            // r(a, b) = 1
        float[] c = {2, 1, 0};                                            // r(a, c) = r(b, c) = −1
        assertEquals(-1.0 / 3, Facets.meanPairwiseCorrelation(new float[][] {a, b, c}), 1e-12);
    }

    @Test
    void facetsOfTwoPlantedGroupsStartFromTheGroupMeansAndClassifyAsPlanted() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            SequentialBlock net = new SequentialBlock();
            Linear id = Linear.builder().setUnits(4).optBias(false).build();
            id.setInitializer((mm, s, t) -> mm.eye(4), Parameter.Type.WEIGHT);
            net.add(id);
            net.add(linear(m).getChildren().values().get(0));
            net.initialize(m, DataType.FLOAT32, new Shape(1, 4));
            SplittableRandom r = new SplittableRandom(4);
            float[][] images = new float[40][];
            for (int i = 0; i < images.length; i++) {
                float base = i % 2 == 0 ? 0.1f : 0.9f;
                images[i] = new float[] {base, base, 1 - base, (float) (0.5 + 0.01 * r.nextGaussian())};
            }
            Facets f = Facets.of(net, images, 0, 2, 2, 20, new SplittableRandom(1), m);
            float first = f.inits()[0][0];
            float other = f.inits()[1][0];
            assertEquals(1.0, first + other, 1e-6);                      // the two group means, 0.1 and 0.9
            assertEquals(0.8, Math.abs(first - other), 1e-6);
            int[] nearest = f.nearestFacet(net, f.inits(), m);
            assertArrayEquals(new int[] {0, 1}, nearest);
            assertEquals(1.0, Facets.shareClassifiedAs(net, new float[][] {{1, 0, 0, 1}}, 0, m), 0);
        }
    }
}
