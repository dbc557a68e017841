package org.reprolab.papers.sdr;

import java.util.SplittableRandom;
import org.reprolab.engine.Interrupts;

/**
 * Seeded Monte Carlo estimates of the quantities in {@link SdrMath}: draw random patterns, count matches.
 * A segment's synapses are cells {@code 0..s-1} (by symmetry, any fixed set gives the same law).
 */
public final class SdrSimulator {

    private SdrSimulator() {}

    /**
     * Number of {@code trials} random a-of-n patterns that overlap a segment of {@code s} synapses on at
     * least {@code theta} cells.
     */
    public static long falseMatches(int n, int a, int s, int theta, long trials, SplittableRandom rng) {
        int[] pool = identity(n);
        long hits = 0;
        for (long t = 0; t < trials; t++) {
            if ((t & 0xFFFF) == 0) {
                Interrupts.check();
            }
            // Partial Fisher-Yates: the first a entries become a uniform random a-subset.
            int overlap = 0;
            for (int i = 0; i < a; i++) {
                int j = i + rng.nextInt(n - i);
                int c = pool[j];
                pool[j] = pool[i];
                pool[i] = c;
                if (c < s) {
                    overlap++;
                }
            }
            if (overlap >= theta) {
                hits++;
            }
        }
        return hits;
    }

    /**
     * Number of {@code trials} in which a segment of {@code s} synapses, sampled from a stored pattern of
     * {@code a} cells, misses the pattern after {@code noisy} of its cells were replaced.
     */
    public static long misses(int a, int s, int theta, int noisy, long trials, SplittableRandom rng) {
        // Cells 0..a-1 form the pattern; the noise removes cells 0..noisy-1, so only sampled synapses on
        // cells ≥ noisy still see activity.
        int[] pool = identity(a);
        long misses = 0;
        for (long t = 0; t < trials; t++) {
            if ((t & 0xFFFF) == 0) {
                Interrupts.check();
            }
            int active = 0;
            for (int i = 0; i < s; i++) {
                int j = i + rng.nextInt(a - i);
                int c = pool[j];
                pool[j] = pool[i];
                pool[i] = c;
                if (c >= noisy) {
                    active++;
                }
            }
            if (active < theta) {
                misses++;
            }
        }
        return misses;
    }

    /**
     * Outcome of a union simulation.
     *
     * @param hits random patterns that reached θ on the union
     * @param synapses distinct synapses in the union (≤ m·s: duplicates merge)
     */
    public record UnionOutcome(long hits, int synapses) { }

    /**
     * Union property, simulated without the distinct-synapse assumption: {@code m} stored patterns each
     * contribute {@code s} synapses on random cells (duplicates merge); counts random a-of-n patterns
     * reaching {@code theta} on the union.
     */
    public static UnionOutcome unionFalseMatches(int n, int a, int s, int theta, int m, long trials,
            SplittableRandom rng) {
        boolean[] synapse = new boolean[n];
        int[] pool = identity(n);
        int distinct = 0;
        for (int p = 0; p < m; p++) {
            // s synapses on random cells of a random pattern = s random distinct cells.
            for (int i = 0; i < s; i++) {
                int j = i + rng.nextInt(n - i);
                int c = pool[j];
                pool[j] = pool[i];
                pool[i] = c;
                if (!synapse[c]) {
                    synapse[c] = true;
                    distinct++;
                }
            }
        }
        long hits = 0;
        for (long t = 0; t < trials; t++) {
            if ((t & 0xFFFF) == 0) {
                Interrupts.check();
            }
            int overlap = 0;
            for (int i = 0; i < a; i++) {
                int j = i + rng.nextInt(n - i);
                int c = pool[j];
                pool[j] = pool[i];
                pool[i] = c;
                if (synapse[c]) {
                    overlap++;
                }
            }
            if (overlap >= theta) {
                hits++;
            }
        }
        return new UnionOutcome(hits, distinct);
    }

    /** 0..n-1. */
    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }
}
