package org.reprolab.engine;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Derives independent, stable seeds from one run seed, so each part of a run can be repeated alone. */
public final class Seeds {

    private Seeds() {}

    /** A seed for {@code label} under {@code seed}: the same pair always gives the same value. */
    public static long derive(long seed, String label) {
        long h = seed;
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h + b);
        }
        return mix(h ^ 0x9E3779B97F4A7C15L);
    }

    /** A fast, splittable RNG for {@code label} under {@code seed}. */
    public static SplittableRandom random(long seed, String label) {
        return new SplittableRandom(derive(seed, label));
    }

    // SplitMix64's finaliser: a bijection with good avalanche.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
