package org.reprolab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.repro.Profile;
import org.reprolab.repro.ReproResult;
import org.reprolab.repro.ToyReproduction;

class ResultWriterTest {

    @TempDir
    Path out;

    @Test
    void writesJsonCsvPngAndAnOfflineReport() throws IOException {
        ReproResult r = new ToyReproduction().run(Profile.QUICK, 3);
        Path dir = ResultWriter.write(r, out, "abc123");
        ResultSummary s = ResultSummary.read(dir.resolve("result.json"));
        assertEquals("toy", s.id());
        assertEquals(1, s.tally().claimsFailed());
        assertEquals(1, s.tally().checks());
        assertEquals("abc123", s.gitCommit());
        assertEquals(4, s.verdicts().size());
        assertTrue(Files.readString(dir.resolve("tables/arithmetic-sums.csv")).startsWith("a,a plus a"));
        var img = ImageIO.read(dir.resolve("charts/arithmetic-sums.png").toFile());
        assertEquals(Charts.WIDTH, img.getWidth());

        Path index = HtmlReport.write(out);
        String html = Files.readString(index);
        assertTrue(html.contains("A toy paper"));
        assertTrue(html.contains("src=\"toy/charts/arithmetic-sums.png\""));
        assertTrue(html.contains(">FAIL<") && html.contains(">PASS<"));
        assertTrue(!html.contains("http://") || html.indexOf("http") == html.indexOf("https://arxiv"), "no remote assets");
        try (Stream<Path> left = Files.list(out)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".")), "temporary files left behind");
        }
    }

    @Test
    void rewritingReplacesThePreviousResult() throws IOException {
        ResultWriter.write(new ToyReproduction().run(Profile.QUICK, 1), out, "one");
        Path dir = ResultWriter.write(new ToyReproduction().run(Profile.QUICK, 2), out, "two");
        assertEquals("two", ResultSummary.read(dir.resolve("result.json")).gitCommit());
    }

    @Test
    void aCorruptResultFileIsNamed() throws IOException {
        Path bad = Files.createDirectories(out.resolve("toy")).resolve("result.json");
        Files.writeString(bad, "{not json");
        IOException e = assertThrows(IOException.class, () -> HtmlReport.write(out));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
    }

    @Test
    void anEmptyFolderIsAClearError() {
        IOException e = assertThrows(IOException.class, () -> HtmlReport.write(out));
        assertTrue(e.getMessage().contains("reprolab run all"), e.getMessage());
    }
    @Test
    void aFailedFolderWriteKeepsThePreviousFolderAndLeavesNothing() throws IOException {
        Path target = out.resolve("unit");
        ResultWriter.writeFolder(target, d -> Files.writeString(d.resolve("result.json"), "one"));
        assertThrows(IOException.class, () -> ResultWriter.writeFolder(target, d -> {
            Files.writeString(d.resolve("result.json"), "half");
            throw new IOException("disk full");
        }));
        assertEquals("one", Files.readString(target.resolve("result.json")));
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(target), left.toList());
        }
    }

    @Test
    void onlyTheLeftoversOfADeadWriterAreCleanedUp() throws Exception {
        Path target = out.resolve("unit");
        // An Error passes the writer's clean-up as a kill would: the hidden partial folder stays.
        assertThrows(AssertionError.class, () -> ResultWriter.writeFolder(target, d -> {
            throw new AssertionError("killed");
        }));
        Path partial;
        try (Stream<Path> left = Files.list(out)) {
            partial = left.filter(ResultWriter::isHidden).findFirst().orElseThrow();
        }
        assertEquals(0, ResultWriter.cleanStale(target), "its writer (this process) is alive");
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        String self = "-" + ProcessHandle.current().pid() + "-";
        Files.move(partial, partial.resolveSibling(partial.getFileName().toString().replace(self,
                "-" + dead.pid() + "-")));
        Path other = Files.createDirectories(out.resolve(".other" + partial.getFileName().toString()
                .substring(".unit".length())));
        assertEquals(1, ResultWriter.cleanStale(target), "a dead writer's");
        assertTrue(Files.isDirectory(other), "another folder's leftovers are not this one's to clean");
        assertTrue(!Files.exists(target));
    }
}
