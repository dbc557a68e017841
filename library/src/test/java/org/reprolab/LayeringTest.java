package org.reprolab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's layers import downwards only: engine, data and math use none of the others; papers use those
 * three (and report's charts and tables for their figures), as do the shared spiking primitives; train uses
 * no report; repro uses no report (report renders repro's results). A cycle would make a paper's code depend on the reproduction machinery.
 */
class LayeringTest {

    static final Path SRC = Paths.get("src/main/java/org/reprolab");
    static final Map<String, List<String>> FORBIDDEN = Map.of(
            "engine", List.of("data", "math", "papers", "repro", "report", "train", "spiking"),
            "math", List.of("data", "papers", "repro", "report", "train", "spiking"),
            "data", List.of("papers", "repro", "report", "train", "spiking"),
            "train", List.of("papers", "repro", "report"),
            "spiking", List.of("papers", "repro"),
            "papers", List.of("repro"),
            "repro", List.of("report", "papers"));

    @Test
    void layersImportOnlyDownwards() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> layer : FORBIDDEN.entrySet()) {
            Path dir = SRC.resolve(layer.getKey());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f)) {
                        for (String other : layer.getValue()) {
                            if (line.startsWith("import org.reprolab." + other + ".")
                                    || line.startsWith("import static org.reprolab." + other + ".")) {
                                problems.add(SRC.relativize(f) + ": " + line);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), "imports against the layering:\n" + String.join("\n", problems));
    }
}
