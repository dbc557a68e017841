package org.reprolab.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;

public class MemoryScopeTest {

    /**
     * A forward and backward pass of a {@link SpikingMlp} around each neuron, in a batch scope, leaves nothing behind
     * in the parameters' manager.
     */
    public static void assertBatchesLeaveNoArraysInTheParameterManager(List<Block> neurons) {
        try (NDManager params = Engines.engine().newBaseManager(); NDManager work = Engines.engine().newBaseManager()) {
            for (Block neuron : neurons) {
                SpikingMlp net = SpikingMlp.builder().setHidden(8).setOutputs(3).setNeuron(neuron).optTimeSteps(3).build();
                net.initialize(params, DataType.FLOAT32, new Shape(4, 5));
                int before = params.getManagedArrays().size();
                ParameterStore ps = new ParameterStore(params, false);
                for (int i = 0; i < 3; i++) {
                    try (NDManager batch = work.newSubManager()) {
                        NDArray x = batch.randomUniform(0f, 1f, new Shape(4, 5));
                        try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                            NDList out = net.forward(ps, new NDList(x), true);
                            gc.backward(out.get(0).sum().add(out.get(1)));
                        }
                        net.forward(ps, new NDList(x), false);
                    }
                }
                List<NDArray> now = params.getManagedArrays();
                StringBuilder left = new StringBuilder();
                for (int k = before; k < now.size(); k++) {
                    left.append(now.get(k).getShape()).append(now.get(k).getName()).append(' ');
                }
                assertEquals(before, now.size(), neuron + " left arrays in the parameter manager: " + left);
            }
        }
    }

    @Test
    void forwardAndBackwardLeaveNoArraysInTheParameterManager() {
        assertBatchesLeaveNoArraysInTheParameterManager(List.of(SurrogateLif.builder().build()));
    }
}
