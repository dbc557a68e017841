package org.reprolab.kernel.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.reprolab.kernel.execution.UsageException;

/**
 * A magic's arguments: positionals, {@code --name value} / {@code --name=value} options and {@code --flag}s,
 * checked against what the magic accepts. Every mistake is a one-line {@link UsageException} that names what
 * is valid.
 */
final class MagicArgs {

    final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final String magic;

    private MagicArgs(String magic) {
        this.magic = magic;
    }

    /**
     * Parses {@code args} of {@code %magic}.
     *
     * @param valued options that take a value (without {@code --})
     * @param flags options that take none
     */
    static MagicArgs parse(String magic, List<String> args, Set<String> valued, Set<String> flags) {
        MagicArgs a = new MagicArgs(magic);
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.startsWith("--") && s.length() > 2) {
                String name = s.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name)) {
                    if (value != null) {
                        throw a.usage("--" + name + " takes no value");
                    }
                    a.options.put(name, "true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw a.usage("--" + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    a.options.put(name, value);
                } else {
                    Set<String> valid = new TreeSet<>();
                    valued.forEach(v -> valid.add("--" + v));
                    flags.forEach(v -> valid.add("--" + v));
                    throw a.usage("unknown option " + s + "; valid: "
                            + (valid.isEmpty() ? "none" : String.join(", ", valid)));
                }
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    /** The value of {@code --name}, or {@code fallback}. */
    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    /** {@code --name} as a long. */
    long longOption(String name, long fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw usage("--" + name + " must be an integer, got '" + v + "'");
        }
    }

    /** Requires between {@code min} and {@code max} positionals, named by {@code usage} in the error. */
    MagicArgs expect(int min, int max, String usage) {
        if (positional.size() < min || positional.size() > max) {
            throw usage("usage: %" + magic + " " + usage);
        }
        return this;
    }

    /** Parses an integer argument. */
    static int integer(String magic, String what, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("%" + magic + ": " + what + " must be an integer, got '" + value + "'");
        }
    }

    UsageException usage(String message) {
        return new UsageException("%" + magic + ": " + message);
    }
}
