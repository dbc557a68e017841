package org.reprolab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The numerics contract (README, "Numerics"): a deterministic run dispatches to AVX2 on one intra-op thread, and
 * gives bit-identical training whatever the thread setting or the number of cores the JVM sees. Each run is a
 * fresh JVM, because the dispatch is fixed when PyTorch loads.
 */
class NumericsContractTest {

    @Test
    void deterministicRunUsesThePinnedDispatchOnOneThread() {
        assumeTrue(Numerics.cpuSupportsPin(), "this CPU has no AVX2: the contract does not apply");
        assumeTrue(Numerics.mode() == Numerics.Mode.DETERMINISTIC, "tests run in deterministic mode");
        NumericsInfo n = Engines.info().numerics();
        assertEquals(Numerics.PINNED_CAPABILITY, n.cpuCapability(), n.summary());
        assertEquals("COMPATIBLE", n.mklBranch(), n.summary());
        assertEquals(1, n.intraOpThreads(), n.summary());
        assertTrue(n.deterministic(), n.summary());
    }

    @Test
    void aBadModeIsAOneLineErrorNamingTheValidOnes() {
        String before = System.getProperty("reprolab.numerics");
        System.setProperty("reprolab.numerics", "exact");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Numerics::mode);
            assertTrue(e.getMessage().contains("'deterministic' or 'fast'"), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty("reprolab.numerics");
            } else {
                System.setProperty("reprolab.numerics", before);
            }
        }
    }

    @Test
    void trainingIsBitIdenticalAtOneTwoAndFourThreadsAndCores() throws Exception {
        assumeTrue(Numerics.cpuSupportsPin(), "this CPU has no AVX2: the contract does not apply");
        String one = probe("deterministic", 1);
        assertTrue(one.contains("deterministic: avx2"), one);
        assertEquals(result(one), result(probe("deterministic", 2)));
        assertEquals(result(one), result(probe("deterministic", 4)));
    }

    @Test
    void fastModeAtOneAndTwoThreadsDiffersSoThePinIsNeeded() throws Exception {
        // The control: without the pin the same seed gives other bits, so the test above can fail.
        assertNotEquals(result(probe("fast", 1)), result(probe("fast", 2)));
    }

    /** Runs {@link NumericsProbe} in a JVM that sees {@code threads} cores and asks for as many threads. */
    private static String probe(String mode, int threads) throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-XX:ActiveProcessorCount=" + threads,
                "-Djava.awt.headless=true", "-Dai.djl.offline=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), NumericsProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("REPROLAB_NUMERICS", mode);
        env.put("REPROLAB_THREADS", Integer.toString(threads));
        env.remove("ATEN_CPU_CAPABILITY");
        env.remove("MKL_CBWR");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe timed out");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static String result(String out) {
        return out.lines().filter(l -> l.startsWith("result ")).findFirst().orElseThrow(() -> new AssertionError(out));
    }
}
