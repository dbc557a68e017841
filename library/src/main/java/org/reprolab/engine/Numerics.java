package org.reprolab.engine;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The numerics contract: with the same seed and profile, a deterministic run gives the same numbers on any
 * x86-64 machine with AVX2, whatever its CPU model or core count.
 *
 * <p>Three things make PyTorch's numbers machine-dependent, and a deterministic run pins each:
 * <ul>
 *   <li><b>CPU dispatch.</b> ATen picks its vectorised kernels by instruction set (AVX2 or AVX-512: 8 or 16
 *       float lanes, so sums round differently), and MKL picks its GEMM kernels by CPU model and vendor. We
 *       set {@code ATEN_CPU_CAPABILITY=avx2} and MKL's conditional numerical reproducibility branch
 *       {@code MKL_CBWR=COMPATIBLE}, the one branch Intel documents as giving the same results on Intel and
 *       non-Intel processors ({@code AVX2} falls back to the CPU's own path on AMD). oneDNN (which PyTorch uses
 *       for convolutions) picks its kernels by ISA and cache sizes, so it is switched off: convolutions then
 *       run as im2col and MKL GEMM.</li>
 *   <li><b>Thread count.</b> PyTorch splits reductions over more than 32,768 elements into one partial sum
 *       per intra-op thread, so the rounding depends on the thread count. Deterministic runs use one intra-op
 *       thread; parallelism comes from running independent units (papers, seeds) side by side.</li>
 *   <li><b>Nondeterministic algorithms.</b> PyTorch's deterministic-algorithms switch is turned on.</li>
 * </ul>
 * The dispatch settings are environment variables PyTorch and MKL read once, when they first dispatch, so
 * {@link #pinBeforeLoad()} sets them in this process (through the C library's {@code setenv}) before the
 * engine loads; {@link #inspect()} then asks PyTorch which capability it really uses.
 *
 * <p>Fast mode ({@code REPROLAB_NUMERICS=fast}) uses every core ({@code REPROLAB_THREADS}) and the CPU's own
 * instruction set: statistically equivalent numbers, not identical ones. Verdicts are decided with
 * intervals, so they must not depend on the mode.
 */
public final class Numerics {

    /** How a run computes. */
    public enum Mode {
        /** Pinned dispatch, one intra-op thread: the same numbers on every AVX2 machine. */
        DETERMINISTIC,
        /** Native instruction set, every core: faster, numbers equal only statistically. */
        FAST;

        /** Lower-case name, as in {@code REPROLAB_NUMERICS}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The instruction set deterministic runs compute with; every x86-64 CPU since 2013 (Haswell, Zen) has it. */
    public static final String PINNED_CAPABILITY = "avx2";
    /** Intra-op threads of a deterministic run. */
    public static final int DETERMINISTIC_THREADS = 1;

    /** Environment variables a deterministic run sets before PyTorch loads, in order. */
    static final Map<String, String> PINS = pins();

    private static volatile boolean pinned;
    private static volatile String pinProblem;
    private static volatile String capability;

    private Numerics() {}

    private static Map<String, String> pins() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ATEN_CPU_CAPABILITY", PINNED_CAPABILITY);
        m.put("MKL_CBWR", "COMPATIBLE");
        return Map.copyOf(m);
    }

    /** The requested mode: {@code reprolab.numerics} or {@code REPROLAB_NUMERICS}, default deterministic. */
    public static Mode mode() {
        String s = System.getProperty("reprolab.numerics");
        if (s == null || s.isBlank()) {
            s = System.getenv("REPROLAB_NUMERICS");
        }
        if (s == null || s.isBlank()) {
            return Mode.DETERMINISTIC;
        }
        for (Mode m : Mode.values()) {
            if (m.id().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("REPROLAB_NUMERICS must be 'deterministic' or 'fast', got '" + s + "'");
    }

    /** Whether this CPU can run the pinned dispatch (x86-64 with AVX2 and FMA). */
    public static boolean cpuSupportsPin() {
        return cpuFlags().map(f -> f.contains("avx2") && f.contains("fma")).orElse(false);
    }

    /**
     * In deterministic mode, sets the dispatch variables in this process's environment, before PyTorch and MKL
     * read them. Idempotent; must run before the engine loads (Engines.configure does it). A CPU without AVX2 or
     * a platform without {@code setenv} leaves the run non-deterministic, and {@link #inspect()} says why.
     */
    static synchronized void pinBeforeLoad() {
        if (pinned || mode() != Mode.DETERMINISTIC) {
            return;
        }
        pinned = true;
        if (!cpuSupportsPin()) {
            pinProblem = "this CPU has no AVX2 (" + System.getProperty("os.arch") + ")";
            return;
        }
        try {
            LibC libc = Native.load("c", LibC.class);
            for (Map.Entry<String, String> e : PINS.entrySet()) {
                if (libc.setenv(e.getKey(), e.getValue(), 1) != 0) {
                    pinProblem = "setenv " + e.getKey() + " failed";
                    return;
                }
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            pinProblem = "cannot set the dispatch variables in this process (" + e.getMessage() + ")";
        }
    }

    /**
     * What the loaded engine really does: the capability PyTorch dispatches to, MKL's branch, the threads, and
     * whether that meets the contract. Call after the engine has loaded.
     */
    static NumericsInfo inspect(int intraOpThreads) {
        Mode mode = mode();
        String capability = torchCapability().orElse("unknown");
        String mkl = Optional.ofNullable(nativeGetenv("MKL_CBWR")).orElse("AUTO");
        if (mode == Mode.FAST) {
            return new NumericsInfo(mode.id(), false, capability, mkl, intraOpThreads,
                    "fast mode: " + capability + " dispatch, MKL " + mkl + ", " + intraOpThreads + " intra-op thread"
                            + (intraOpThreads == 1 ? "" : "s")
                            + "; numbers may differ between machines in the last digits");
        }
        String problem = pinProblem;
        if (problem == null && !PINNED_CAPABILITY.equals(capability)) {
            problem = "PyTorch dispatches to " + capability + ", not " + PINNED_CAPABILITY
                    + " (was it loaded before Reprolab's Engines.configure()?)";
        }
        if (problem == null && intraOpThreads != DETERMINISTIC_THREADS) {
            problem = intraOpThreads + " intra-op threads instead of " + DETERMINISTIC_THREADS;
        }
        return new NumericsInfo(mode.id(), problem == null, capability, mkl, intraOpThreads, problem == null
                ? "deterministic: " + PINNED_CAPABILITY + " dispatch, MKL " + mkl + ", " + intraOpThreads
                        + " intra-op thread"
                : "not deterministic: " + problem + "; numbers may differ from other machines");
    }

    /** Turns on PyTorch's deterministic-algorithms switch and, in deterministic mode, switches oneDNN off. */
    static void configureLoadedEngine() {
        Optional<NativeLibrary> torch = torchLibrary();
        if (torch.isEmpty()) {
            return;
        }
        try {
            Pointer context = torch.get().getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
            if (mode() == Mode.DETERMINISTIC) {
                // at::Context::setDeterministicAlgorithms(bool enabled, bool warn_only)
                torch.get().getFunction("_ZN2at7Context26setDeterministicAlgorithmsEbb")
                        .invokeVoid(new Object[] {context, true, false});
                // at::Context::setUserEnabledMkldnn(bool): oneDNN blocks by cache size, so its sums vary by CPU.
                torch.get().getFunction("_ZN2at7Context20setUserEnabledMkldnnEb")
                        .invokeVoid(new Object[] {context, false});
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            if (mode() == Mode.DETERMINISTIC && pinProblem == null) {
                pinProblem = "cannot configure PyTorch's context (" + e.getMessage() + ")";
            }
        }
    }

    /** The capability PyTorch's dispatcher uses ({@code at::get_cpu_capability()}: default, avx2 or avx512). */
    static Optional<String> torchCapability() {
        if (capability == null) {
            torchCapabilityQuery().ifPresent(c -> capability = c); // fixed once PyTorch has dispatched
        }
        return Optional.ofNullable(capability);
    }

    private static Optional<String> torchCapabilityQuery() {
        Optional<NativeLibrary> torch = torchLibrary();
        if (torch.isEmpty()) {
            return Optional.empty();
        }
        try {
            // std::string at::get_cpu_capability(): returned through a hidden pointer to a 32-byte std::string
            // (libstdc++'s C++11 ABI: data pointer, length, 16-byte inline buffer).
            Function f = torch.get().getFunction("_ZN2at18get_cpu_capabilityB5cxx11Ev");
            try (Memory result = new Memory(32)) {
                result.clear();
                f.invokePointer(new Object[] {result});
                long length = result.getLong(8);
                if (length < 0 || length > 15) {
                    return Optional.empty(); // every capability name fits the inline buffer; anything else is not one
                }
                return Optional.of(new String(result.getPointer(0).getByteArray(0, (int) length),
                        java.nio.charset.StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT));
            }
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<NativeLibrary> torchLibrary() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                int i = line.indexOf('/');
                if (i >= 0 && line.endsWith("/libtorch_cpu.so")) {
                    return Optional.of(NativeLibrary.getInstance(line.substring(i)));
                }
            }
        } catch (IOException | UnsatisfiedLinkError | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String nativeGetenv(String name) {
        try {
            return Native.load("c", LibC.class).getenv(name);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return System.getenv(name);
        }
    }

    private static Optional<List<String>> cpuFlags() {
        if (!"amd64".equals(System.getProperty("os.arch")) && !"x86_64".equals(System.getProperty("os.arch"))) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    return Optional.of(List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The two C library calls we need; JNA comes with DJL. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }
}
