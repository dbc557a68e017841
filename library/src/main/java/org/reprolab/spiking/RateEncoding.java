package org.reprolab.spiking;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Rate ("Poisson") coding of static inputs: at each of T steps, feature j of an example spikes with
 * probability gain·x_j, independently, for x clipped to [0, 1]. The randomness is the engine's, so seed
 * it ({@code Engines.seed}) for repeatable spike trains.
 */
public final class RateEncoding {

    /** The default gain (the UltraLIF paper's). */
    public static final float GAIN = 0.5f;

    private RateEncoding() {}

    /** Spike trains (B, T, F) in {0, 1} for inputs x (B, F). */
    public static NDArray encode(NDArray x, int steps, float gain) {
        Shape s = x.getShape();
        NDArray p = x.clip(0, 1).mul(gain).expandDims(1);                            // (B, 1, F)
        NDArray u = x.getManager().randomUniform(0f, 1f, new Shape(s.get(0), steps, s.get(1)),
                DataType.FLOAT32, x.getDevice());                                    // (B, T, F)
        return u.lt(p).toType(x.getDataType(), false);
    }
}
