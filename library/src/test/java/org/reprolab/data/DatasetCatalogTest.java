package org.reprolab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Names resolve to the loaders of this package (the datasets are installed before the tests). */
class DatasetCatalogTest {

    @Test
    void namesAreCaseInsensitiveAndReachEveryLoader() {
        assertEquals(150, DatasetCatalog.load("Iris").size());
        assertEquals(208, DatasetCatalog.load("sonar").size());
        assertEquals(10_000, DatasetCatalog.load("fashion-mnist/test").size());
        assertTrue(DatasetCatalog.names().containsAll(SklearnDatasets.NAMES));
        assertTrue(DatasetCatalog.names().containsAll(UciTables.names()));
    }

    @Test
    void imageSetsAreKnown() {
        assertTrue(DatasetCatalog.isImages("Fashion-MNIST"));
        assertTrue(DatasetCatalog.isImages("digits"));
        assertFalse(DatasetCatalog.isImages("iris"));
    }

    @Test
    void anUnknownNameListsTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> DatasetCatalog.load("cifar"));
        assertTrue(e.getMessage().startsWith("unknown dataset 'cifar'; valid: fashion-mnist, fashion-mnist/test, mnist, iris"),
                e.getMessage());
    }
}
