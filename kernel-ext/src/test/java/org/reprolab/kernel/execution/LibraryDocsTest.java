package org.reprolab.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LibraryDocsTest {

    @Test
    void findsTheJavadocOfLibraryMethodsAndTypes() {
        String m = LibraryDocs.forSignature("org.reprolab.papers.selu.SeluConstants org.reprolab.papers.selu.SeluConstants.solve()");
        assertTrue(m != null && m.startsWith("Solves from the start"), m);
        String t = LibraryDocs.forSignature("org.reprolab.engine.Interrupts");
        assertTrue(t != null && t.startsWith("Cooperative cancellation."), t);
        assertNull(LibraryDocs.forSignature("void java.io.PrintStream.println()"));
    }
}
