package org.reprolab.papers.g2gnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.papers.g2gnet.G2gNet.Connectivity;

class G2gNetTest {

    static SequentialBlock paperSized(Connectivity c, NDManager m) {
        SequentialBlock net = G2gNet.builder().setHidden(512, 512).setOutputs(10).optConnectivity(c).optSeed(1).build();
        net.initialize(m, DataType.FLOAT32, new Shape(1, 784));
        return net;
    }

    @Test
    void countsOfThe784x512x512x10Network() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            long dense = 784 * 512 + 512 * 512 + 512 * 10; // 668,672
            long sparse = 784 * 512 / 4 + 512 * 512 / 4 + 512 * 10; // 171,008: hidden layers at 1/4, output dense
            long biases = 512 + 512 + 10;
            assertEquals(dense, G2gNet.multiplies(paperSized(Connectivity.DENSE, m)));
            assertEquals(dense + biases, G2gNet.parameters(paperSized(Connectivity.DENSE, m)));
            assertEquals(sparse, G2gNet.multiplies(paperSized(Connectivity.G2G, m)));
            assertEquals(sparse + biases, G2gNet.parameters(paperSized(Connectivity.G2G, m)));
            assertEquals(sparse, G2gNet.multiplies(paperSized(Connectivity.RANDOM, m)));
        }
    }

    @Test
    void sameSeedDrawsTheSameWeightsBeforeMasking() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(3);
            SequentialBlock dense = G2gNet.builder().setHidden(8).setOutputs(2).optConnectivity(Connectivity.DENSE)
                    .optFanInScaling(false).build();
            dense.initialize(m, DataType.FLOAT32, new Shape(1, 12));
            Engines.seed(3);
            SequentialBlock g2g = G2gNet.builder().setHidden(8).setOutputs(2).optFanInScaling(false).build();
            g2g.initialize(m, DataType.FLOAT32, new Shape(1, 12));
            MaskedLinear d = G2gNet.maskedLayers(dense).get(0);
            MaskedLinear s = G2gNet.maskedLayers(g2g).get(0);
            assertArrayEquals(d.weight().mul(s.mask()).toFloatArray(), s.weight().toFloatArray(), 0f);
        }
    }

    @Test
    void layerActivationsAreEachMaskedLayersInputAndActivatedOutput() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            SequentialBlock net = G2gNet.builder().setHidden(6, 4).setOutputs(3).build();
            net.initialize(m, DataType.FLOAT32, new Shape(1, 5));
            NDArray x = m.randomNormal(new Shape(7, 5));
            List<NDArray[]> post = G2gNet.layerActivations(net, x, true);
            List<NDArray[]> pre = G2gNet.layerActivations(net, x, false);
            assertEquals(3, post.size());
            assertArrayEquals(x.toFloatArray(), post.get(0)[0].toFloatArray(), 0f);
            List<MaskedLinear> layers = G2gNet.maskedLayers(net);
            for (int l = 0; l < 3; l++) {
                NDArray z = MaskedLinear.maskedLinear(pre.get(l)[0], layers.get(l).weight(),
                        layers.get(l).bias(), layers.get(l).mask());
                assertArrayEquals(z.toFloatArray(), pre.get(l)[1].toFloatArray(), 1e-6f, "layer " + l);
                NDArray expectedPost = l < 2 ? z.maximum(0f) : z; // ReLU after hidden layers; the output is last
                assertArrayEquals(expectedPost.toFloatArray(), post.get(l)[1].toFloatArray(), 1e-6f);
                if (l > 0) {
                    assertArrayEquals(post.get(l - 1)[1].toFloatArray(), post.get(l)[0].toFloatArray(), 0f);
                }
            }
        }
    }

    @Test
    void builderRejectsMissingPieces() {
        assertThrows(IllegalArgumentException.class, () -> G2gNet.builder().setOutputs(3).build());
        assertThrows(IllegalArgumentException.class, () -> G2gNet.builder().setHidden(4).build());
        assertThrows(IllegalArgumentException.class, () -> G2gNet.builder().setHidden(8).setOutputs(2).optFanIn(5)
                .build());
        assertThrows(IllegalArgumentException.class, () -> MaskedLinear.builder().build());
    }
}
