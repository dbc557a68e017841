package org.reprolab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellHistoryTest {

    private static CellHistory history() {
        CellHistory h = new CellHistory();
        h.add(1, "6 * 7", "42");
        h.add(2, "int x = 1;", null);
        h.add(3, "6 * 7", "42");
        return h;
    }

    @Test
    void tailRangeAndSearch() {
        CellHistory h = history();
        assertEquals(List.of(Arrays.asList(1, 2, "int x = 1;"), Arrays.asList(1, 3, "6 * 7")), h.tail(2, false));
        assertEquals(List.of(Arrays.asList(1, 3, Arrays.asList("6 * 7", "42"))), h.tail(1, true));
        assertEquals(List.of(Arrays.asList(1, 2, "int x = 1;")), h.range(1, 2, 3, false));
        assertEquals(List.of(Arrays.asList(1, 2, "int x = 1;")), h.range(0, 2, 3, false));
        assertEquals(List.of(), h.range(7, 1, 3, false));
        assertEquals(2, h.search("6*", 10, false, false).size());
        assertEquals(1, h.search("6*", 10, true, false).size());
        assertEquals(1, h.search("int ?*", 0, false, false).size());
    }
}
