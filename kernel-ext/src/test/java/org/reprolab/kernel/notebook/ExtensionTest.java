package org.reprolab.kernel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.kernel.execution.UsageException;
import org.reprolab.report.Charts;

/** Our extension loads through JJava's ServiceLoader into any BaseKernel, not only ours. */
class ExtensionTest {

    /** The smallest BaseKernel: what a stock JJava kernel offers an extension. */
    static final class StockKernel extends BaseKernel {
        StockKernel() {
            super("stock", "0", new LanguageInfo.Builder("java").build(), List.of(), null,
                    new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null,
                    new MagicsRegistry(), true, new StringStyler.Builder().build());
        }

        @Override
        public Object evalRaw(String source) {
            return null;
        }

        @Override
        public DisplayData inspect(String code, int at, boolean extraDetail) {
            return null;
        }

        @Override
        public ReplacementOptions complete(String code, int at) {
            return null;
        }

        @Override
        public String isComplete(String code) {
            return IS_COMPLETE_MAYBE;
        }
    }

    @Test
    void extensionRegistersRenderersAndMagicsInAStockKernel() {
        StockKernel k = new StockKernel();
        k.onStartup();
        try {
            var chart = Charts.line("t", "x", "y");
            chart.addSeries("s", new double[] {1, 2}, new double[] {1, 2});
            assertTrue(k.getRenderer().render(chart).hasDataForType(MIMEType.IMAGE_PNG));
            assertTrue(k.getMagicsRegistry().getLineMagicNames().containsAll(
                    List.of("paper", "repro", "dataset", "seed", "device")), k.getMagicsRegistry().getLineMagicNames().toString());
        } finally {
            k.onShutdown(false);
        }
    }

    @Test
    void loadReadsTheCodeCellsOfANotebook(@TempDir Path dir) throws Exception {
        Path nb = dir.resolve("n.ipynb");
        Files.writeString(nb, "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": \"# x\"},"
                + "{\"cell_type\": \"code\", \"source\": [\"int a = 1;\\n\", \"a\"]},"
                + "{\"cell_type\": \"code\", \"source\": \"%seed 3\"}], \"nbformat\": 4}");
        assertEquals(List.of("int a = 1;\na", "%seed 3"), KernelMagics.notebookCode(nb));
    }

    @Test
    void globsResolveFromTheWorkingFolder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("lib/sub"));
        Files.writeString(dir.resolve("lib/a.jar"), "");
        Files.writeString(dir.resolve("lib/sub/b.jar"), "");
        Files.writeString(dir.resolve("lib/c.txt"), "");
        assertEquals(1, KernelMagics.glob(dir + "/lib/*.jar").size());
        assertEquals(2, KernelMagics.glob(dir + "/lib/**.jar").size());
        assertEquals(List.of(), KernelMagics.glob(dir + "/nope/*.jar"));
    }

    @Test
    void mavenCoordinatesAndPom() {
        var c = MavenResolver.Coordinate.parse("org.example:lib:1.2");
        assertEquals("org.example", c.group());
        assertEquals("1.2", c.version());
        String pom = MavenResolver.pom(List.of(c, MavenResolver.Coordinate.parse("g:a:jar:tests:3")), List.of("https://repo.example/m2"));
        assertTrue(pom.contains("<artifactId>lib</artifactId><version>1.2</version>"), pom);
        assertTrue(pom.contains("<type>jar</type><classifier>tests</classifier>"), pom);
        assertTrue(pom.contains("<url>https://repo.example/m2</url>"), pom);
        var bad = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> MavenResolver.Coordinate.parse("nope"));
        assertTrue(bad.getMessage().startsWith("%maven: 'nope' is not group:artifact:version"), bad.getMessage());
    }

    @SuppressWarnings("unused")
    private static String capture(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        System.setOut(new PrintStream(b, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
