package org.reprolab.kernel.notebook;

import java.util.WeakHashMap;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.reprolab.engine.Engines;
import org.reprolab.engine.Progress;
import org.reprolab.engine.ProgressSink;
import org.reprolab.engine.Display;

/**
 * Reprolab's JJava extension, found through {@code META-INF/services/org.dflib.jjava.jupyter.Extension}: our
 * renderers and magics. It loads into our kernel and into a stock JJava kernel that adds our jar
 * ({@code %classpath}); in the latter it also routes {@code Display.show} and progress bars to the notebook
 * (our kernel does that itself, per cell).
 */
public final class ReprolabExtension implements Extension {

    private Consumer<Object> previousHook;
    private ProgressSink previousSink;

    @Override
    public void install(BaseKernel kernel) {
        // DJL settings (offline natives, thread counts, quiet CUDA probe) before any cell touches the engine
        Engines.configure();
        Renderers.registerAll(kernel.getRenderer());
        ReprolabMagics.register(kernel.getMagicsRegistry());
        if (!(kernel instanceof KernelHost)) {
            previousHook = Display.setHook(o -> kernel.display(kernel.getRenderer().render(o)));
            NotebookProgress.Target target = NotebookProgress.target(new WeakHashMap<>(), kernel::display,
                    kernel.getIO().display::updateDisplay, true);
            previousSink = Progress.setSink(new NotebookProgress(() -> target));
        }
    }

    @Override
    public void uninstall(BaseKernel kernel) {
        if (previousHook != null) {
            Display.setHook(previousHook);
            Progress.setSink(previousSink);
        }
    }
}
