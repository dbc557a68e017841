package org.reprolab.kernel.notebook;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.reprolab.kernel.execution.UsageException;
import org.reprolab.report.Html;

/**
 * {@code %maven}: resolves artifacts and their runtime dependencies with the Maven that builds Reprolab (so
 * the cache is the user's local repository, {@code ~/.m2/repository}, and Maven's own settings, mirrors and
 * proxies apply). It writes a throw-away POM and asks {@code mvn dependency:build-classpath} for the jars.
 *
 * <p>Settings: {@code REPROLAB_MVN} (the {@code mvn} command), {@code REPROLAB_MAVEN_OFFLINE=1} (resolve from
 * the local repository only).
 */
final class MavenResolver {

    static final String DEPENDENCY_PLUGIN = "3.8.1";

    private MavenResolver() {}

    /** A coordinate {@code group:artifact:version}, {@code g:a:type:v} or {@code g:a:type:classifier:v}. */
    record Coordinate(String group, String artifact, String type, String classifier, String version) {
        static Coordinate parse(String s) {
            String[] p = s.trim().split(":");
            for (String x : p) {
                if (x.isBlank()) {
                    throw bad(s);
                }
            }
            return switch (p.length) {
                case 3 -> new Coordinate(p[0], p[1], null, null, p[2]);
                case 4 -> new Coordinate(p[0], p[1], p[2], null, p[3]);
                case 5 -> new Coordinate(p[0], p[1], p[2], p[3], p[4]);
                default -> throw bad(s);
            };
        }

        private static UsageException bad(String s) {
            return new UsageException("%maven: '" + s + "' is not group:artifact:version "
                    + "(or group:artifact:type[:classifier]:version)");
        }

        String text() {
            return group + ":" + artifact + (type == null ? "" : ":" + type) + (classifier == null ? "" : ":"
                    + classifier)
                    + ":" + version;
        }

        String xml() {
            return "<dependency><groupId>" + Html.escape(group) + "</groupId><artifactId>" + Html.escape(artifact)
                    + "</artifactId><version>" + Html.escape(version) + "</version>"
                    + (type == null ? "" : "<type>" + Html.escape(type) + "</type>")
                    + (classifier == null ? "" : "<classifier>" + Html.escape(classifier) + "</classifier>")
                    + "</dependency>";
        }
    }

    /** The POM that depends on {@code coords}, with extra repositories. */
    static String pom(List<Coordinate> coords, List<String> repositories) {
        StringBuilder s = new StringBuilder("<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0"
                + "</modelVersion><groupId>org.reprolab.kernel</groupId><artifactId>maven-magic</artifactId>"
                + "<version>0</version><packaging>pom</packaging><dependencies>");
        coords.forEach(c -> s.append(c.xml()));
        s.append("</dependencies>");
        if (!repositories.isEmpty()) {
            s.append("<repositories>");
            for (int i = 0; i < repositories.size(); i++) {
                s.append("<repository><id>magic-").append(i).append("</id><url>")
                        .append(Html.escape(repositories.get(i))).append("</url></repository>");
            }
            s.append("</repositories>");
        }
        s.append("<build><pluginManagement><plugins><plugin><groupId>org.apache.maven.plugins</groupId>"
                + "<artifactId>maven-dependency-plugin</artifactId><version>").append(DEPENDENCY_PLUGIN)
                .append("</version></plugin></plugins></pluginManagement></build></project>");
        return s.toString();
    }

    /** The jars of {@code coords} and their runtime dependencies, downloaded into the local repository. */
    static List<Path> resolve(List<Coordinate> coords, List<String> repositories) throws IOException,
            InterruptedException {
        Path dir = Files.createTempDirectory("reprolab-maven-");
        try {
            Files.writeString(dir.resolve("pom.xml"), pom(coords, repositories), StandardCharsets.UTF_8);
            Path cp = dir.resolve("classpath.txt");
            List<String> cmd = new ArrayList<>(Arrays.asList(mvnCommand(), "-B", "-q", "-f",
                    dir.resolve("pom.xml").toString(), "-Dstyle.color=never", "dependency:build-classpath",
                    "-Dmdep.outputFile=" + cp, "-Dmdep.includeScope=runtime"));
            if ("1".equals(System.getenv("REPROLAB_MAVEN_OFFLINE"))) {
                cmd.add("-o");
            }
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String log;
            try {
                log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } finally {
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                }
            }
            if (p.exitValue() != 0 || !Files.exists(cp)) {
                throw new IOException("Maven could not resolve " + String.join(", ", coords.stream()
                        .map(Coordinate::text).toList())
                        + ":\n" + lastLines(log, 15));
            }
            List<Path> jars = new ArrayList<>();
            for (String s : Files.readString(cp, StandardCharsets.UTF_8).trim().split(File.pathSeparator)) {
                if (!s.isBlank()) {
                    jars.add(Path.of(s.trim()));
                }
            }
            return jars;
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String mvnCommand() {
        String m = System.getenv("REPROLAB_MVN");
        return m == null || m.isBlank() ? "mvn" : m;
    }

    private static String lastLines(String s, int n) {
        String[] lines = s.replaceAll("\u001b\\[[0-9;]*m", "").strip().split("\n");
        return String.join("\n", Arrays.asList(lines).subList(Math.max(0, lines.length - n), lines.length));
    }
}
