package org.reprolab.engine;

/**
 * How a run computed its numbers, as recorded in {@code result.json}.
 *
 * @param mode {@code deterministic} or {@code fast}
 * @param deterministic whether the run met the numerics contract (same numbers on any AVX2 machine)
 * @param cpuCapability the instruction set PyTorch dispatched to ({@code avx2}, {@code avx512}, ...)
 * @param mklBranch MKL's numerical-reproducibility branch ({@code COMPATIBLE}, or {@code AUTO} when unset)
 * @param intraOpThreads PyTorch's intra-op threads
 * @param summary one line for people
 */
public record NumericsInfo(String mode, boolean deterministic, String cpuCapability, String mklBranch,
        int intraOpThreads, String summary) {

    @Override
    public String toString() {
        return summary;
    }
}
