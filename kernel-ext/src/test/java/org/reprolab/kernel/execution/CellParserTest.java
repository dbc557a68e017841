package org.reprolab.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellParserTest {

    @Test
    void javaOnlyCellIsOneCodePart() {
        List<CellParser.Part> parts = CellParser.parse("int x = 1;\nx + 1");
        assertEquals(List.of(new CellParser.Code("int x = 1;\nx + 1\n", 1)), parts);
    }

    @Test
    void lineMagicsSplitTheCodeAndKeepLineNumbers() {
        List<CellParser.Part> parts = CellParser.parse("%maven a:b:1\nint x = 1;\n  %classpath lib/*.jar \"my dir\"\nx");
        assertEquals(4, parts.size());
        assertEquals(new CellParser.LineMagic("maven", List.of("a:b:1"), "a:b:1", 1), parts.get(0));
        assertEquals(new CellParser.Code("int x = 1;\n", 2), parts.get(1));
        CellParser.LineMagic cp = (CellParser.LineMagic) parts.get(2);
        assertEquals(List.of("lib/*.jar", "my dir"), cp.args());
        assertEquals(new CellParser.Code("x\n", 4), parts.get(3));
    }

    @Test
    void cellMagicTakesTheWholeCell() {
        List<CellParser.Part> parts = CellParser.parse("%%time\nThread.sleep(10);\n%seed 3");
        assertEquals(List.of(new CellParser.CellMagic("time", List.of(), "Thread.sleep(10);\n%seed 3")), parts);
    }

    @Test
    void questionMarkAsksForDocumentation() {
        assertEquals(List.of(new CellParser.Help("Math.max")), CellParser.parse("Math.max?"));
        assertInstanceOf(CellParser.Code.class, CellParser.parse("a ? b : c").get(0));
    }

    @Test
    void modulusInsideCodeIsNotAMagic() {
        assertEquals(1, CellParser.parse("int r = 7 % 3;").size());
    }

    @Test
    void argumentsSplitLikeAShell() {
        assertEquals(List.of("a", "b c", "d'e", "f\"g"), CellParser.split(" a 'b c' \"d'e\" f\\\"g "));
        assertEquals(List.of(), CellParser.split("   "));
        assertThrows(UsageException.class, () -> CellParser.split("'open"));
    }

    @Test
    void javaOnlyBlanksMagicLinesKeepingOffsets() {
        String cell = "%maven a:b:1\nint x = 1;";
        String java = CellParser.javaOnly(cell);
        assertEquals(cell.length(), java.length());
        assertEquals("int x = 1;", java.substring(java.indexOf('\n') + 1));
        assertEquals("", java.substring(0, java.indexOf('\n')).trim());
    }
}
