package org.reprolab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.junit.jupiter.api.Test;

/**
 * Every committed notebook carries the kernel's own kernelspec and language_info, so Jupyter does not mark it
 * "(unsaved changes)" as soon as it opens.
 */
class NotebookMetadataTest {

    @Test
    void everyNotebookCarriesTheKernelsLanguageInfoAndKernelspec() throws IOException {
        LanguageInfo info = ReprolabKernel.languageInfo();
        Map<String, String> expected = new TreeMap<>(Map.of("name", info.getName(), "version", info.getVersion(),
                "mimetype", info.getMimetype(), "file_extension", info.getFileExtension(),
                "pygments_lexer", info.getPygmentsLexer(), "codemirror_mode", String.valueOf(info.getCodemirrorMode()),
                "nbconvert_exporter", info.getNbconvertExporter()));
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(Paths.get("..", "notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertTrue(!notebooks.isEmpty());
        for (Path nb : notebooks) {
            JsonObject meta = JsonParser.parseString(Files.readString(nb)).getAsJsonObject().getAsJsonObject("metadata");
            JsonObject li = meta.getAsJsonObject("language_info");
            Map<String, String> actual = new TreeMap<>();
            if (li != null) {
                li.entrySet().forEach(e -> actual.put(e.getKey(), e.getValue().getAsString()));
            }
            assertEquals(expected, actual, nb + ": set metadata.language_info to what the kernel reports");
            assertEquals("reprolab-java", meta.getAsJsonObject("kernelspec").get("name").getAsString(), nb.toString());
        }
    }
}
