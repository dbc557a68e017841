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
        // counts agree with their nouns: sdr has one check, mgno several
        assertTrue(r[1].contains("claims, 1 check)") && r[1].contains(" checks)") && !r[1].contains(" 1 checks"), r[1]);
    }

    @Test
    void unknownIdIsOneLineWithTheValidIds() {
        String[] r = capture("run", "nope", "--out", out.toString());
        assertEquals("2", r[0]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        // every registered paper is listed; the list grows as papers are added
        assertTrue(r[2].contains("unknown paper 'nope'; valid ids: ") && r[2].contains("sdr") && r[2].contains("selu"),
                r[2]);
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

    @Test
    void kernelInstallWritesTheKernelspecUnderThePrefix() throws Exception {
        Path jar = java.nio.file.Files.createFile(out.resolve("reprolab-kernel.jar"));
        String[] r = capture("kernel", "install", "--prefix", out.toString(), "--jar", jar.toString());
        assertEquals("0", r[0], r[2]);
        Path spec = out.resolve("share/jupyter/kernels/reprolab-java/kernel.json");
        String json = java.nio.file.Files.readString(spec);
        assertTrue(json.contains("\"display_name\": \"Java (Reprolab)\""), json);
        assertTrue(json.contains("\"language\": \"java\""), json);
        assertTrue(json.contains("\"interrupt_mode\": \"message\""), json);
        assertTrue(json.contains("{connection_file}") && json.contains(jar.toAbsolutePath().toString()), json);
        assertTrue(json.contains("-Djava.awt.headless=true") && json.contains("REPROLAB_KERNEL_HEAP")
                && json.contains("--add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED"), json);
    }

    @Test
    void aStaleUserKernelspecIsNamedAsTheOneJupyterWouldStart() throws Exception {
        Path jar = java.nio.file.Files.createFile(out.resolve("reprolab-kernel.jar"));
        Path installed = KernelSpec.install(out.resolve("system/kernels"), KernelSpec.currentJava(), jar);
        Path userKernels = out.resolve("user/kernels");
        assertTrue(KernelSpec.shadowedBy(installed, userKernels).isEmpty(), "no user kernelspec: nothing shadows");
        Path same = KernelSpec.install(userKernels, KernelSpec.currentJava(), jar);
        assertTrue(KernelSpec.shadowedBy(installed, userKernels).isEmpty(), "the same kernel.json does no harm");
        java.nio.file.Files.writeString(same.resolve("kernel.json"), "{\"argv\": [\"/old/checkout/kernel.jar\"]}");
        assertEquals(same, KernelSpec.shadowedBy(installed, userKernels).orElseThrow());
        assertTrue(KernelSpec.shadowedBy(same, userKernels).isEmpty(), "a user install shadows nothing");
    }

    @Test
    void kernelInstallFailsInOneLineWhenTheJarIsMissing() {
        String[] r = capture("kernel", "install", "--prefix", out.toString(), "--jar", out.resolve("nope.jar").toString());
        assertEquals("2", r[0]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].contains("is not built"), r[2]);
    }

    @Test
    void kernelInstallRejectsUserTogetherWithPrefix() {
        String[] r = capture("kernel", "install", "--user", "--prefix", out.toString());
        assertEquals("2", r[0]);
    }

    @Test
    void newWritesTheScaffoldAndRefusesToOverwriteIt() throws Exception {
        Path services = out.resolve("reproductions/src/main/resources/META-INF/services/org.reprolab.repro.Reproduction");
        java.nio.file.Files.createDirectories(services.getParent());
        java.nio.file.Files.writeString(services, "org.reprolab.reproductions.sdr.SdrReproduction\n");
        Scaffold.Paper p = new Scaffold.Paper("info-compression", 7, "Adaptive estimators", "Ivan Chelombiev, "
                + "Conor Houghton, Cian O'Donnell", 2019, "ICLR", "1902.09037");
        java.util.List<Path> written = Scaffold.write(out, p);
        assertEquals(6, written.size());
        String code = java.nio.file.Files.readString(out.resolve("reproductions/src/main/java/org/reprolab/"
                + "reproductions/infocompression/InfoCompressionReproduction.java"));
        assertTrue(code.contains("extends PaperReproduction<InfoCompressionReproduction.Setup>")
                && code.contains("\"Cian O'Donnell\"") && code.contains("Chelombiev et al. (2019)"), code);
        String nb = java.nio.file.Files.readString(out.resolve("notebooks/info-compression.ipynb"));
        assertTrue(nb.contains("var infoCompression = ReproSession.start(\\\"info-compression\\\")")
                && nb.contains("\"execution_count\": null"), nb);
        assertTrue(java.nio.file.Files.readString(services).endsWith(
                "org.reprolab.reproductions.infocompression.InfoCompressionReproduction\n"));
        IllegalArgumentException again = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Scaffold.write(out, p));
        assertTrue(again.getMessage().contains("already exists"), again.getMessage());
        assertEquals(2, java.nio.file.Files.readAllLines(services).size(), "a refused scaffold writes nothing");
    }

    @Test
    void newRejectsABadIdInOneLine() {
        String[] r = capture("new", "Info_Compression", "--number", "7", "--title", "t", "--authors", "A B",
                "--year", "2019");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("must be lower-case words joined by '-'"), r[2]);
    }
    /** Runs the command and asserts a one-line usage error containing {@code expected}, and nothing on stdout. */
    private static void assertOneLineError(String expected, String... args) {
        String[] r = capture(args);
        assertEquals("2", r[0], String.join(" ", args) + ": " + r[1] + r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].startsWith("reprolab: ") && r[2].contains(expected), r[2]);
        assertEquals("", r[1], "no work started");
    }

    @Test
    void sweepMistakesAreOneLineErrorsBeforeAnyWork() throws Exception {
        String o = out.toString();
        assertOneLineError("--shard 3/2 names no slice: K must be from 1 to N", "run", "sdr", "--seeds", "2",
                "--shard", "3/2", "--out", o);
        assertOneLineError("--shard 'x' is not K/N", "run", "sdr", "--seeds", "2", "--shard", "x", "--out", o);
        assertOneLineError("--resume belongs to a seed sweep; add --seeds N", "run", "sdr", "--resume", "--out", o);
        assertOneLineError("--shard belongs to a seed sweep", "run", "sdr", "--shard", "1/2", "--out", o);
        assertOneLineError("--jobs belongs to a seed sweep", "run", "sdr", "--jobs", "2", "--out", o);
        assertOneLineError("--seeds 0 is not a seed count; give --seeds 1 or more", "run", "sdr", "--seeds", "0",
                "--out", o);
        assertOneLineError("--jobs 0 is not a process count", "run", "sdr", "--seeds", "2", "--jobs", "0", "--out", o);
        assertOneLineError("--partition 'a b' is not a partition name", "slurm", "sdr", "--seeds", "2",
                "--partition", "a b", "--out", o);
        assertOneLineError("--time '1h' is not a Slurm time; give minutes (90)", "slurm", "sdr", "--seeds", "2",
                "--time", "1h", "--out", o);
        assertOneLineError("--shards 5 does not fit 2 units", "slurm", "sdr", "--seeds", "2", "--shards", "5",
                "--out", o);
        try (var left = java.nio.file.Files.list(out)) {
            assertEquals(0, left.count(), "a refused sweep writes nothing");
        }

        SweepPlan.of(java.util.List.of(org.reprolab.repro.Reproductions.find("sdr")), 42, 3, "quick").record(out);
        assertOneLineError("holds another sweep ([sdr] x run seeds 42 to 44, quick profile; this run: [sdr] x run "
                + "seeds 42 to 43, quick profile)", "run", "sdr", "--seeds", "2", "--out", o);
        assertOneLineError("holds another sweep", "slurm", "sdr", "--seeds", "3", "--profile", "full", "--out", o);
        assertOneLineError("holds a seed sweep", "run", "sdr", "--out", o);
    }

    @Test
    void reportOnASweepNamesTheMissingUnitsAndExitsWithOne() throws Exception {
        SweepPlan.of(java.util.List.of(org.reprolab.repro.Reproductions.find("sdr")), 42, 2, "quick").record(out);
        String[] r = capture("report", "--out", out.toString());
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("sdr: 0 of 2 units pooled (run seeds 42 to 43); missing: seed-42, seed-43"), r[1]);
        assertTrue(r[1].contains("units: 2 missing, 0 failed of 2; run the sweep again with --resume"), r[1]);
    }
}
