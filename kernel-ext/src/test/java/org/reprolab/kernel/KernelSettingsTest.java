package org.reprolab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings from the environment: defaults, values, and one line naming the fix for a bad value. */
class KernelSettingsTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private KernelSettings of(Map<String, String> env) {
        return KernelSettings.of(env, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void defaultsAndValues() {
        KernelSettings d = of(Map.of());
        assertEquals(1000, d.graceMillis());
        assertEquals(0, d.timeoutMillis());
        assertEquals(10_000_000, d.outputLimit().bytes());
        KernelSettings s = of(Map.of("REPROLAB_CELL_TIMEOUT", "30", "REPROLAB_OUTPUT_LIMIT_MB", "0.5",
                "REPROLAB_COMPILER_OPTS", " -Xlint:all  -g "));
        assertEquals(30_000, s.timeoutMillis());
        assertEquals(500_000, s.outputLimit().bytes());
        assertEquals("0.5", s.outputLimit().megabytes());
        assertEquals(List.of("-Xlint:all", "-g"), s.compilerOptions());
        assertEquals(0, of(Map.of("REPROLAB_OUTPUT_LIMIT_MB", "0")).outputLimit().bytes(), "0: no limit");
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBadValueIsOneLineNamingTheFixAndTheDefaultIsUsed() {
        KernelSettings s = of(Map.of("REPROLAB_OUTPUT_LIMIT_MB", "10MB"));
        assertEquals(10_000_000, s.outputLimit().bytes());
        of(Map.of("REPROLAB_OUTPUT_LIMIT_MB", "-1"));
        of(Map.of("REPROLAB_CELL_TIMEOUT", "soon"));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "reprolab kernel: REPROLAB_OUTPUT_LIMIT_MB must be a number of megabytes, 0 for no limit "
                        + "(e.g. REPROLAB_OUTPUT_LIMIT_MB=10), got '10MB'; using 10",
                "reprolab kernel: REPROLAB_OUTPUT_LIMIT_MB must be a number of megabytes, 0 for no limit "
                        + "(e.g. REPROLAB_OUTPUT_LIMIT_MB=10), got '-1'; using 10",
                "reprolab kernel: REPROLAB_CELL_TIMEOUT must be an integer, got 'soon'; using 0"), lines);
        assertTrue(lines.stream().allMatch(l -> l.length() < 160));
    }
}
