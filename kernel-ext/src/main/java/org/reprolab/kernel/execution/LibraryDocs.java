package org.reprolab.kernel.execution;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Javadoc of Reprolab's own classes, for inspection: JShell reads javadoc only from the JDK's {@code src.zip},
 * so the kernel jar carries the library's sources ({@code reprolab-src/}) and this finds the comment above a
 * type or member named in a JShell signature.
 */
final class LibraryDocs {

    private static final Pattern OWNER =
            Pattern.compile("(org\\.reprolab(?:\\.[a-z]\\w*)+)\\.([A-Z]\\w*)((?:\\.[A-Z]\\w*)*)");

    private LibraryDocs() {}

    /**
     * The javadoc for a signature such as
     * {@code double org.reprolab.papers.selu.SeluMomentMap.spectralNorm(double[][])}.
     */
    static String forSignature(String signature) {
        // the declaring type is the match followed by ".member(" or "(" (a return type comes first)
        Matcher m = OWNER.matcher(signature);
        String pkg = null;
        String type = null;
        String nested = null;
        String rest = null;
        while (m.find()) {
            pkg = m.group(1);
            type = m.group(2);
            nested = m.group(3);
            rest = signature.substring(m.end());
            if (rest.matches("^(?:\\.\\w+)?\\([\\s\\S]*")) {
                break;
            }
        }
        if (pkg == null) {
            return null;
        }
        String member = null;
        Matcher call = Pattern.compile("^\\.(\\w+)\\(").matcher(rest);
        if (call.find()) {
            member = call.group(1);
        } else if (rest.startsWith("(")) {
            member = nested.isEmpty() ? type : nested.substring(nested.lastIndexOf('.') + 1); // constructor
        }
        String source = read(pkg.replace('.', '/') + "/" + type + ".java");
        if (source == null) {
            return null;
        }
        String simple = nested.isEmpty() ? type : nested.substring(nested.lastIndexOf('.') + 1);
        Pattern decl = member != null
                ? Pattern.compile("/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*"
                        + "[\\w<>\\[\\],.? ]*\\b"
                        + Pattern.quote(member) + "\\s*\\(")
                : Pattern.compile("/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*"
                        + "[\\w ]*\\b(?:class|record|interface|enum)\\s+"
                        + Pattern.quote(simple) + "\\b");
        Matcher d = decl.matcher(source);
        return d.find() ? clean(d.group(1)) : null;
    }

    private static String read(String path) {
        try (InputStream in = LibraryDocs.class.getResourceAsStream("/reprolab-src/" + path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    static String clean(String comment) {
        StringBuilder out = new StringBuilder();
        for (String line : comment.split("\n")) {
            String l = line.strip();
            if (l.startsWith("*")) {
                l = l.substring(1).strip();
            }
            out.append(l).append('\n');
        }
        return out.toString().replaceAll("\\{@(?:code|link|linkplain) ([^}]*)}", "$1")
                .replaceAll("</?(?:p|pre|b|i|ul|li|ol)>", "")
                .replaceAll("\n{3,}", "\n\n").strip();
    }
}
