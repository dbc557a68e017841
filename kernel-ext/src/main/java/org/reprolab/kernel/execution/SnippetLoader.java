package org.reprolab.kernel.execution;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Loads the classes JShell compiles from cells, and the jars that {@code %classpath}, {@code %jars} and
 * {@code %maven} add. Parent-first, so a cell sees the kernel's own copies of the library, XChart and Tablesaw
 * (and our renderers, keyed by those classes, apply to the cell's objects). Cell classes pass through
 * {@link ExitCalls#rewrite} so that {@code System.exit} cannot end the kernel.
 */
public final class SnippetLoader implements LoaderDelegate {

    private final Loader loader;
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();

    /** A loader for cell classes whose parent is {@code parent} (the kernel's own loader). */
    public SnippetLoader(ClassLoader parent) {
        this.loader = new Loader(parent);
    }

    /** The class loader of cell code: the context class loader of every cell thread. */
    public ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        boolean[] installed = new boolean[cbcs.length];
        for (ClassBytecodes c : cbcs) {
            loader.pending.put(c.name(), ExitCalls.rewrite(c.bytecodes()));
        }
        int i = 0;
        try {
            for (ClassBytecodes c : cbcs) {
                Class<?> k = loader.loadClass(c.name());
                loaded.put(c.name(), k);
                k.getDeclaredMethods(); // links the class now, so a broken one fails here, not in the cell
                installed[i++] = true;
            }
        } catch (Throwable t) {
            throw new ClassInstallException("loading the cell's classes failed: " + t, installed);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
        // redefinition is not supported (DirectExecutionControl refuses it); JShell then loads new classes
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        for (String p : path.split(File.pathSeparator)) {
            if (p.isBlank()) {
                continue;
            }
            try {
                loader.add(Path.of(p).toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new InternalException("bad class path entry '" + p + "': " + e.getMessage());
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> k = loaded.get(name);
        return k != null ? k : loader.loadClass(name);
    }

    private static final class Loader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        final Map<String, byte[]> pending = new ConcurrentHashMap<>();

        Loader(ClassLoader parent) {
            super("reprolab-cells", new URL[0], parent);
        }

        void add(URL url) {
            addURL(url);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = pending.remove(name);
            if (b != null) {
                return defineClass(name, b, 0, b.length);
            }
            return super.findClass(name);
        }
    }
}
