package org.reprolab.papers.ultralif;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.reprolab.data.LabeledData;
import org.reprolab.math.Stats;
import org.reprolab.spiking.SpikeGradients;
import org.reprolab.spiking.SpikingMlp;

/**
 * The spike derivatives ∂s/∂I of a trained UltraLIF layer at T = 1 on a test set, the paper's "bounded,
 * non-vanishing gradients" measured: exactly in float64 (against the bound 1/(4ε)) and as the layer trains, in
 * float32, where a unit whose derivative is 0 on every image is dead. A trained surrogate LIF is measured the same
 * way, through its surrogate.
 *
 * @param epsilon the layer's learned ε
 * @param tau the layer's τ
 * @param minCurrent the smallest hidden current on the test set
 * @param maxCurrent the largest hidden current
 * @param maxDerivative the largest ∂s/∂I, float64
 * @param zeros64 unit-images with ∂s/∂I exactly 0 in float64
 * @param zeros32 unit-images with ∂s/∂I exactly 0 in float32, as trained
 * @param deadUnits UltraLIF units with ∂s/∂I = 0 on every image, float32
 * @param surrogateZeros unit-images where the LIF's surrogate derivative is 0
 * @param surrogateDeadUnits LIF units whose surrogate derivative is 0 on every image
 * @param units hidden units
 * @param unitImages hidden units × test images
 */
public record LayerGradients(double epsilon, double tau, double minCurrent, double maxCurrent, double maxDerivative,
        long zeros64, long zeros32, int deadUnits, long surrogateZeros, int surrogateDeadUnits, int units,
        long unitImages) {

    /**
     * Measures {@code ultra}'s UltraLIF layer and {@code lif}'s surrogate LIF on {@code test} (one rate-coded draw).
     */
    public static LayerGradients measure(SpikingMlp ultra, SpikingMlp lif, LabeledData test, NDManager manager) {
        UltraLif neuron = (UltraLif) ultra.neuron();
        try (NDManager scope = manager.newSubManager()) {
            ParameterStore ps = new ParameterStore(scope, false);
            NDArray x = test.featuresNd(scope);
            NDArray h = ultra.currents(ps, x, false);                                         // (B, 1, H)
            NDArray h64 = h.toType(DataType.FLOAT64, false);
            double[] currents = h64.toDoubleArray();
            double[] g64 = UltraLif.spikeDerivative(h64, neuron.tau(), neuron.epsilon(), neuron.threshold());
            float[] g32 = SpikeGradients.derivative(neuron, h, ps);
            float[] gLif = SpikeGradients.derivative(lif.neuron(), lif.currents(ps, x, false), ps);
            int units = (int) h.getShape().get(2);
            return new LayerGradients(neuron.epsilon(), neuron.tau(), Stats.min(currents), Stats.max(currents),
                    Stats.max(g64), Arrays.stream(g64).filter(v -> v == 0).count(), SpikeGradients.zeros(g32),
                    SpikeGradients.deadUnits(g32, units), SpikeGradients.zeros(gLif),
                    SpikeGradients.deadUnits(gLif, units), units, g32.length);
        }
    }

    /** max ∂s/∂I · 4ε: at most 1 where the bound 1/(4ε) holds. */
    public double boundRatio() {
        return maxDerivative * 4 * epsilon;
    }

    /** What the numbers say, in words. */
    public String describe() {
        return String.format("Trained UltraLIF layer: ε = %.3f, τ = %.2f; hidden currents I in [%.1f, %.1f]. "
                + "Mathematically ∂s/∂I = σ'(u/ε)/ε · σ((I − log τ)/ε) > 0 everywhere, but torch's sigmoid backward "
                + "s(1 − s) rounds to 0 once s rounds to 1 (u/ε ≳ 17 in float32, ≳ 37 in float64): %d of %d "
                + "unit-images (%.2f %%) get exactly 0 in float32, %d in float64. The surrogate LIF's derivative is 0 "
                + "on %.2f %% (%d dead units); the Heaviside's true derivative is 0 on all of them. The paper's "
                + "'non-vanishing' is the mathematical statement; we check the practical one, no dead units ('No dead "
                + "neurons', project page).", epsilon, tau, minCurrent, maxCurrent, zeros32, unitImages,
                100.0 * zeros32 / unitImages, zeros64, 100.0 * surrogateZeros / unitImages, surrogateDeadUnits);
    }
}
