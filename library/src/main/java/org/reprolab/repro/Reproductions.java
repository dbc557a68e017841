package org.reprolab.repro;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds reproductions on the class path ({@code META-INF/services/org.reprolab.repro.Reproduction}). */
public final class Reproductions {

    private Reproductions() {}

    /** All reproductions, in the papers' numbering order. */
    public static List<Reproduction> all() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return ServiceLoader.load(Reproduction.class, cl == null ? Reproductions.class.getClassLoader() : cl)
                .stream().map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt((Reproduction r) -> r.card().number()).thenComparing(Reproduction::id))
                .toList();
    }

    /** The ids, in order. */
    public static List<String> ids() {
        return all().stream().map(Reproduction::id).toList();
    }

    /** The reproduction with this id, or a one-line error listing the valid ids. */
    public static Reproduction find(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown paper '" + id + "'; valid ids: "
                        + all().stream().map(Reproduction::id).collect(Collectors.joining(", "))));
    }
}
