package org.reprolab.cli;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code reprolab-java} Jupyter kernelspec: where it goes (Jupyter's data directories on Linux) and what
 * its {@code kernel.json} says. The kernel runs the shaded {@code kernel-ext/target/reprolab-kernel.jar} with
 * the JVM flags of {@code ./reprolab} ({@code ci/jvm-options}, read at install time) and what a kernel needs on
 * top: JShell opened, the heap from {@code REPROLAB_KERNEL_HEAP} (default 6g), extra JVM flags from
 * {@code REPROLAB_KERNEL_JAVA_OPTS}; interrupts arrive as messages.
 */
final class KernelSpec {

    /** The kernelspec's directory name, which notebooks name in their metadata. */
    static final String NAME = "reprolab-java";
    /** What Jupyter shows. */
    static final String DISPLAY_NAME = "Java (Reprolab)";

    private KernelSpec() {}

    /** {@code kernels/} under the data directory chosen by {@code --user}, {@code --prefix} or neither. */
    static Path kernelsDir(boolean user, Path prefix) {
        if (prefix != null) {
            return prefix.resolve("share/jupyter/kernels");
        }
        if (user) {
            String data = System.getenv("JUPYTER_DATA_DIR");
            if (data != null && !data.isBlank()) {
                return Paths.get(data, "kernels");
            }
            String xdg = System.getenv("XDG_DATA_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg)
                    : Paths.get(System.getProperty("user.home"), ".local", "share");
            return base.resolve("jupyter/kernels");
        }
        return Paths.get("/usr/local/share/jupyter/kernels");
    }

    /** The project root: {@code reprolab.home} (set by {@code ./reprolab}), else found from this code's location. */
    static Path home() {
        String home = System.getProperty("reprolab.home");
        if (home != null && !home.isBlank()) {
            return Paths.get(home);
        }
        try {
            Path cli = Paths.get(KernelSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // reproductions/target/reprolab.jar (or target/classes) -> the project root is two levels up
            return cli.toAbsolutePath().getParent().getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Paths.get("");
        }
    }

    /** The kernel jar next to this build: {@code <home>/kernel-ext/target/reprolab-kernel.jar}. */
    static Path defaultJar() {
        return home().resolve("kernel-ext/target/reprolab-kernel.jar");
    }

    /** The JVM flags {@code ./reprolab} runs with, from {@code <home>/ci/jvm-options}. */
    static String jvmOptions(Path home) throws IOException {
        Path file = home.resolve("ci/jvm-options");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the JVM flags file " + file + " is missing; install the kernel from a "
                    + "Reprolab checkout with './reprolab kernel install'");
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    /** The contents of {@code kernel.json} for {@code java} running {@code jar} with {@code jvmOptions}. */
    static String kernelJson(Path java, Path jar, String jvmOptions) {
        // The same JVM flags and OpenMP spin limit as ./reprolab (README, Performance), so a %repro run in
        // the kernel costs what the CLI's does; the heap flag comes after them and wins.
        String cmd = "export GOMP_SPINCOUNT=${GOMP_SPINCOUNT:-1000};"
                + " exec \"$0\" " + jvmOptions
                + " -Xmx${REPROLAB_KERNEL_HEAP:-6g} $REPROLAB_KERNEL_JAVA_OPTS -Dai.djl.offline=true"
                + " --add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED"
                + " -jar \"$1\" \"$2\"";
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", List.of("/bin/sh", "-c", cmd, java.toString(), jar.toString(), "{connection_file}"));
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of());
        spec.put("metadata", Map.of("debugger", false));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /** Writes the kernelspec under {@code kernelsDir}; returns its directory. */
    static Path install(Path kernelsDir, Path java, Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("the kernel jar " + jar + " is not built; build it with "
                    + "'mvn -q package -DskipTests' (or pass --jar)");
        }
        String json = kernelJson(java.toAbsolutePath(), jar.toAbsolutePath(), jvmOptions(home()));
        Path dir = kernelsDir.resolve(NAME);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("kernel.json"), json, StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * The kernelspec of the same name under {@code userKernels} (the user's {@code kernels/}) that Jupyter would
     * start instead of the one just installed in {@code installedDir} (the user data directory comes before the
     * system ones in Jupyter's search path), when
     * it runs a different jar; else empty. A stale one, left by an older checkout, makes every kernel die at
     * start with "Unable to access jarfile".
     */
    static Optional<Path> shadowedBy(Path installedDir, Path userKernels) throws IOException {
        Path user = userKernels.resolve(NAME);
        Path json = user.resolve("kernel.json");
        if (user.toAbsolutePath().normalize().equals(installedDir.toAbsolutePath().normalize())
                || !Files.isRegularFile(json)
                || Files.readString(json, StandardCharsets.UTF_8).equals(
                        Files.readString(installedDir.resolve("kernel.json"), StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(user);
    }

    /** This JVM's {@code java}. */
    static Path currentJava() {
        return Paths.get(System.getProperty("java.home"), "bin", "java");
    }
}
