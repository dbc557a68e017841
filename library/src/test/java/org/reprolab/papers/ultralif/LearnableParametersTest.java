package org.reprolab.papers.ultralif;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.spiking.SpikingMlp;
import org.reprolab.spiking.SpikingMlpTest;

class LearnableParametersTest {

    @Test
    void spikingMlpPassesGradientToEpsilonAndTau() {
        for (Block neuron : new Block[] {UltraLif.plifBuilder().build(), UltraDlif.builder().build()}) {
            try (NDManager m = Engines.engine().newBaseManager()) {
                SpikingMlp net = SpikingMlpTest.forwardAndBackward(neuron, m);
                for (String p : new String[] {"logEpsilon", "logTau"}) {
                    if (net.neuron().getParameters().contains(p)) {
                        float g = net.neuron().getParameters().get(p).getArray().getGradient().getFloat();
                        assertTrue(g != 0 && Float.isFinite(g), neuron + ": gradient of " + p + " is " + g);
                    }
                }
            }
        }
    }
}
