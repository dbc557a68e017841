package org.reprolab.train;

import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;

/** Weight initialisations by their usual names. */
public enum Init {
    /** LeCun normal: N(0, 1/fan_in), the SELU paper's requirement. */
    LECUN_NORMAL(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 1)),
    /** He normal: N(0, 2/fan_in), for ReLU. */
    HE_NORMAL(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2)),
    /** Glorot/Xavier uniform: U(±sqrt(6/(fan_in+fan_out))). */
    XAVIER_UNIFORM(new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 6)),
    /** PyTorch's nn.Linear default: U(±1/sqrt(fan_in)). */
    TORCH_DEFAULT(new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1));

    private final Initializer initializer;

    Init(Initializer initializer) {
        this.initializer = initializer;
    }

    /** The DJL initializer. */
    public Initializer initializer() {
        return initializer;
    }
}
