package org.reprolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.reprolab.repro.Reproductions;

/** The README's papers table and red-and-amber list are generated from the cards and pins; this keeps them so. */
class ReadmeSyncTest {

    @Test
    void theReadmesGeneratedSectionsMatchTheCardsAndPinnedVerdicts() throws Exception {
        Path root = Paths.get("..").toAbsolutePath().normalize();
        String readme = Files.readString(root.resolve("README.md"));
        assertEquals(ReadmeSections.update(readme, root, Reproductions.all()), readme,
                "README.md's generated sections are stale; run './reprolab readme' and commit README.md");
    }
}
