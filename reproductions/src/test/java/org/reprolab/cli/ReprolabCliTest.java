package org.reprolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReprolabCliTest {

    @TempDir
    Path out;

    private static String[] capture(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = ReprolabCli.execute(args);
            return new String[] {Integer.toString(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void listShowsEveryPaper() {
        String[] r = capture("list");
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("selu") && r[1].contains("sdr"), r[1]);
    }

    @Test
    void unknownIdIsOneLineWithTheValidIds() {
        String[] r = capture("run", "nope", "--out", out.toString());
        assertEquals("2", r[0]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        // Every registered id is listed (not a fixed list: papers are added in parallel).
        assertTrue(r[2].contains("unknown paper 'nope'; valid ids: "), r[2]);
        assertTrue(r[2].contains("sdr") && r[2].contains("selu"), r[2]);
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertEquals("2", capture("run", "sdr", "--bogus")[0]);
        String[] r = capture("run", "sdr", "--profile", "fast");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown profile 'fast'; valid: quick, full"), r[2]);
        assertEquals("2", capture("run", "sdr", "--device", "tpu")[0]);
    }

    @Test
    void gpuRequestOnTheCpuBuildNamesTheFix() {
        String[] r = capture("info", "--device", "gpu");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("reports no GPU") && r[2].contains("--device cpu"), r[2]);
    }

    @Test
    void reportWithoutResultsSaysWhatToRun() {
        String[] r = capture("report", "--out", out.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("reprolab run all"), r[2]);
    }

    @Test
    void infoPrintsEngineDeviceAndThreads() {
        String[] r = capture("info");
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("PyTorch") && r[1].contains("cpu") && r[1].contains("intra-op"), r[1]);
    }
}
