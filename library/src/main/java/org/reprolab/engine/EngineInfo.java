package org.reprolab.engine;

/**
 * What runs the numbers: engine, versions, device and threads.
 *
 * @param engine engine name, e.g. PyTorch
 * @param engineVersion the native library's version
 * @param djlVersion DJL's version
 * @param flavor natives flavour of this build (cpu, cu128)
 * @param device the selected device
 * @param deviceChoice how it was chosen (cpu, gpu, auto)
 * @param threads intra-op threads
 * @param interopThreads inter-op threads
 * @param gpus GPUs the engine sees
 * @param numerics how the numbers were computed (dispatch, threads) and whether that meets the numerics contract
 */
public record EngineInfo(String engine, String engineVersion, String djlVersion, String flavor, String device,
        String deviceChoice, int threads, int interopThreads, int gpus, NumericsInfo numerics) {

    /** One line, as printed by {@code reprolab} and {@code %device}. */
    @Override
    public String toString() {
        return String.format("%s %s (%s, %s natives) on %s [%s], %d intra-op thread%s, %d inter-op, %d GPU%s; %s",
                engine, engineVersion, djlVersion, flavor, device, deviceChoice, threads, threads == 1 ? "" : "s",
                interopThreads, gpus, gpus == 1 ? "" : "s", numerics);
    }
}
