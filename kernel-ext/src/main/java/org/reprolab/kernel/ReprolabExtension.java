package org.reprolab.kernel;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
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
        org.reprolab.engine.Engines.configure();
        Renderers.registerAll(kernel.getRenderer());
        ReprolabMagics.register(kernel.getMagicsRegistry());
        if (!(kernel instanceof ReprolabKernel)) {
            previousHook = Display.setHook(o -> kernel.display(kernel.getRenderer().render(o)));
            Map<Object, Object> state = new WeakHashMap<>();
            previousSink = Progress.setSink(new NotebookProgress(() -> new NotebookProgress.Target() {
                @Override
                public Map<Object, Object> state() {
                    return state;
                }

                @Override
                public void show(DisplayData data) {
                    kernel.display(data);
                }

                @Override
                public void update(DisplayData data) {
                    kernel.getIO().display.updateDisplay(data);
                }

                @Override
                public boolean newBarAfterFinish() {
                    return true;
                }
            }));
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
