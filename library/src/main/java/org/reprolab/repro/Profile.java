package org.reprolab.repro;

import java.util.Locale;

/** How much of the paper's setting a run attempts. */
public enum Profile {
    /** Under 60 s on 2 cores; what CI runs. */
    QUICK,
    /** Closer to the paper; minutes. */
    FULL;

    /** Parses {@code quick} or {@code full} (any case); one-line error otherwise. */
    public static Profile parse(String s) {
        if (s != null) {
            for (Profile p : values()) {
                if (p.name().equalsIgnoreCase(s.trim())) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("unknown profile '" + s + "'; valid: quick, full");
    }

    /** The profile named by {@code REPROLAB_PROFILE} (or {@code -Dreprolab.profile}), default quick. */
    public static Profile fromEnvironment() {
        String s = System.getProperty("reprolab.profile", System.getenv("REPROLAB_PROFILE"));
        return s == null || s.isBlank() ? QUICK : parse(s);
    }

    /** Lower-case name, as on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
