package org.reprolab.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * Configures DJL once per JVM and picks the device.
 *
 * <p>Settings, first match wins: an explicit call ({@link #selectDevice}), the system properties
 * {@code reprolab.device} / {@code reprolab.threads}, the environment variables {@code REPROLAB_DEVICE}
 * ({@code cpu|gpu|auto}) / {@code REPROLAB_THREADS}, then defaults (GPU when the engine reports one,
 * else CPU; one intra-op thread per core).
 */
public final class Engines {

    private static final Properties BUILD = loadBuildProperties();
    private static volatile boolean configured;
    private static volatile boolean engineConfigured;
    private static volatile Device device;
    private static volatile String deviceChoice;

    private Engines() {}

    /** Sets the properties DJL reads at start-up; idempotent and cheap after the first call. */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        // The CPU build carries its natives in a jar: never let DJL try the network for them.
        if ("cpu".equals(flavor()) && System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (!"cpu".equals(flavor()) && System.getProperty("PYTORCH_FLAVOR") == null
                && System.getenv("PYTORCH_FLAVOR") == null) {
            System.setProperty("PYTORCH_FLAVOR", flavor());
        }
        System.setProperty("ai.djl.default_engine", "PyTorch");
        // DJL probes CUDA even with CPU natives and logs a warning per probe when there is no driver.
        if ("cpu".equals(flavor())) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils",
                    System.getProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "off"));
        }
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        Numerics.pinBeforeLoad();
        int threads = requestedThreads();
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        // A second pool of spinning inter-op threads only costs on a 2-core machine.
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        // The graph-optimizer notice is noise for eager training.
        System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
        configured = true;
    }

    /** The PyTorch engine, configured; a one-line {@link EngineUnavailableException} if its natives fail to load. */
    public static Engine engine() {
        configure();
        try {
            Engine e = Engine.getEngine("PyTorch");
            if (!engineConfigured) {
                configureEngineOnce();
            }
            return e;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new EngineUnavailableException("PyTorch " + BUILD.getProperty("pytorch.version", "") + " ("
                    + flavor() + " natives) failed to load: " + root.getMessage()
                    + ("cpu".equals(flavor()) ? "; rebuild with 'mvn package -DskipTests'"
                            : "; a CUDA build needs an NVIDIA GPU and internet on first use, else build the default "
                                    + "CPU jar with 'mvn package -DskipTests'"), e);
        }
    }

    /**
     * Chooses the device: {@code cpu}, {@code gpu} or {@code auto}. {@code gpu} fails with one line when
     * the engine reports no GPU.
     */
    public static synchronized Device selectDevice(String choice) {
        String c = choice == null ? "auto" : choice.trim().toLowerCase(Locale.ROOT);
        Engine engine = engine();
        Device chosen;
        switch (c) {
            case "cpu":
                chosen = Device.cpu();
                break;
            case "gpu":
                if (gpuCount() == 0) {
                    throw new IllegalArgumentException("device gpu requested but " + engine.getEngineName()
                            + " reports no GPU (this build carries the '" + flavor()
                            + "' natives); use --device cpu, or build with 'mvn -Pgpu package' on a CUDA machine");
                }
                chosen = Device.gpu();
                break;
            case "auto":
                chosen = gpuCount() > 0 ? Device.gpu() : Device.cpu();
                break;
            default:
                throw new IllegalArgumentException("unknown device '" + choice + "'; valid: cpu, gpu, auto");
        }
        device = chosen;
        deviceChoice = c;
        return chosen;
    }

    /** The device every Reprolab model and array uses. */
    public static Device device() {
        Device d = device;
        if (d == null) {
            d = selectDevice(setting("reprolab.device", "REPROLAB_DEVICE", "auto"));
        }
        return d;
    }

    private static synchronized void configureEngineOnce() {
        if (!engineConfigured) {
            Numerics.configureLoadedEngine();
            engineConfigured = true;
        }
    }

    /** Seeds the engine's and Java's shared RNGs (DJL's {@code RandomUtils} included). */
    public static void seed(long seed) {
        engine().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    /**
     * Runs {@code body} with {@code threads} intra-op threads, then restores the setting. For workloads of
     * many small ops, where a second thread mostly waits at barriers (and on a busy machine waits for a time
     * slice at every one). A deterministic run keeps its single thread: a different count would change the
     * numbers.
     */
    public static void withIntraOpThreads(int threads, Runnable body) {
        engine();
        if (Numerics.mode() == Numerics.Mode.DETERMINISTIC) {
            body.run();
            return;
        }
        int before = JniUtils.getNumThreads();
        JniUtils.setNumThreads(threads);
        try {
            body.run();
        } finally {
            JniUtils.setNumThreads(before);
        }
    }

    /** Engine, version, device and threads, for printing. */
    public static EngineInfo info() {
        Engine engine = engine();
        Device d = device();
        int threads = JniUtils.getNumThreads();
        return new EngineInfo(engine.getEngineName(), engine.getVersion(), "DJL " + Engine.getDjlVersion(),
                flavor(), d.toString(), deviceChoice, threads, JniUtils.getNumInteropThreads(), gpuCount(),
                Numerics.inspect(threads));
    }

    /** GPUs the engine can use: none with the CPU natives (and DJL's CUDA probe is then skipped). */
    public static int gpuCount() {
        return "cpu".equals(flavor()) ? 0 : engine().getGpuCount();
    }

    /** The natives flavour this build carries: {@code cpu} (bundled) or a CUDA flavour (downloaded by DJL). */
    public static String flavor() {
        return BUILD.getProperty("pytorch.flavor", "cpu");
    }

    /** Reprolab's version, from the build. */
    public static String reprolabVersion() {
        return BUILD.getProperty("version", "dev");
    }

    static int requestedThreads() {
        String s = setting("reprolab.threads", "REPROLAB_THREADS", null);
        if (Numerics.mode() == Numerics.Mode.DETERMINISTIC) {
            if (s != null && !s.trim().equals(Integer.toString(Numerics.DETERMINISTIC_THREADS))) {
                System.err.println("reprolab: REPROLAB_THREADS=" + s.trim() + " applies to fast mode; a "
                        + "deterministic run computes on " + Numerics.DETERMINISTIC_THREADS
                        + " thread (set REPROLAB_NUMERICS=fast to use " + s.trim() + ")");
            }
            return Numerics.DETERMINISTIC_THREADS;
        }
        if (s == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(s.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("REPROLAB_THREADS must be a positive integer, got '" + s + "'");
        }
    }

    private static String setting(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? fallback : v;
    }

    private static Properties loadBuildProperties() {
        Properties p = new Properties();
        try (InputStream in = Engines.class.getResourceAsStream("/org/reprolab/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
