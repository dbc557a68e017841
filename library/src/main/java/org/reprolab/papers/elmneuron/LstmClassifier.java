package org.reprolab.papers.elmneuron;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The baseline the ELM paper compares against: a one-layer LSTM with H units read out linearly at the last step.
 * Input (B, T, d_in), or (B, T·d_in) flattened time-major, as {@link ElmNeuron} takes it. Parameters:
 * 4H(d_in + H) + 8H (PyTorch's two bias vectors) + H·K + K.
 */
public final class LstmClassifier extends AbstractBlock {

    private final int inputs;
    private final LSTM lstm;
    private final Linear readout;
    private final int outputs;

    /** An LSTM with {@code units} units on {@code inputs} channels and a readout to {@code outputs}. */
    public LstmClassifier(int inputs, int units, int outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.lstm = addChildBlock("lstm", LSTM.builder().setStateSize(units).setNumLayers(1).optBatchFirst(true)
                .optReturnState(false).build());
        this.readout = addChildBlock("readout", Linear.builder().setUnits(outputs).build());
    }

    /** The closed-form parameter count of an LSTM classifier. */
    public static long parameterCount(int inputs, int units, int outputs) {
        return 4L * units * (inputs + units) + 8L * units + (long) units * outputs + outputs;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        NDArray x = in.singletonOrThrow();
        NDArray seq = x.getShape().dimension() == 3 ? x : x.reshape(x.getShape().get(0), -1, inputs);
        NDArray h = lstm.forward(ps, new NDList(seq), training).get(0);                    // (B, T, H)
        NDArray last = h.get(":, -1, :");
        return readout.forward(ps, new NDList(last), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape seq = new Shape(in.get(0), in.dimension() == 3 ? in.get(1) : in.get(1) / inputs, inputs);
        lstm.initialize(manager, dataType, seq);
        Shape h = lstm.getOutputShapes(new Shape[] {seq})[0];
        readout.initialize(manager, dataType, new Shape(h.get(0), h.get(2)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outputs)};
    }
}
