package org.reprolab.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

class ExitCallsTest {

    /** Calls System.exit directly, through a method reference, and uses System otherwise. */
    public static final class Exits {
        public static String out() {
            return String.valueOf(System.out != null) + Math.max(1L, 2L) + 3.5d;
        }

        public static void direct() {
            System.exit(7);
        }

        public static void reference() {
            IntConsumer exit = System::exit;
            exit.accept(8);
        }
    }

    private static byte[] bytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }

    private static Class<?> define(String name, byte[] b) {
        return new ClassLoader(ExitCallsTest.class.getClassLoader()) {
            Class<?> load() {
                return defineClass(name, b, 0, b.length);
            }
        }.load();
    }

    @Test
    void exitCallsAreRedirectedAndEverythingElseStillWorks() throws Exception {
        byte[] original = bytes(Exits.class);
        byte[] rewritten = ExitCalls.rewrite(original);
        assertNotSame(original, rewritten);
        Class<?> k = define(Exits.class.getName(), rewritten);
        assertEquals("true23.5", k.getMethod("out").invoke(null));
        for (String m : new String[] {"direct", "reference"}) {
            var e = assertThrows(InvocationTargetException.class, () -> k.getMethod(m).invoke(null));
            assertTrue(e.getCause() instanceof ExitCalls.KernelExitException, String.valueOf(e.getCause()));
            assertTrue(e.getCause().getMessage().startsWith("System.exit("), e.getCause().getMessage());
        }
    }

    @Test
    void classesWithoutExitAreLeftAlone() throws Exception {
        byte[] b = bytes(ExitCallsTest.class);
        assertSame(b, ExitCalls.rewrite(b));
        assertArrayEquals(b, ExitCalls.rewrite(b));
    }
}
