package org.reprolab.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.reprolab.repro.Reproduction;

/**
 * A seed sweep: papers x run seeds under one profile. It splits into units, one per (paper, run seed), which
 * each write only their own folder, {@code <out>/<id>/seed-<s>/}. The plan is kept in {@code <out>/sweep.json}
 * (the manifest), so that shards, resumed runs and the merge agree on which units are expected.
 *
 * <p>Units are numbered paper by paper (papers in {@code ./reprolab list} order), run seeds ascending within a
 * paper; shard K of N runs units K-1, K-1+N, K-1+2N, ... (numbered from 0), so each shard gets a mix of papers.
 *
 * @param papers paper ids, in the papers' numbering order, without repeats
 * @param firstSeed the first run seed
 * @param seeds how many run seeds: {@code firstSeed} to {@code firstSeed + seeds - 1}
 * @param profile the profile's id, {@code quick} or {@code full}
 */
record SweepPlan(List<String> papers, long firstSeed, int seeds, String profile) {

    /** The manifest's file name, in the output folder. */
    static final String MANIFEST = "sweep.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** Checks the fields. */
    SweepPlan {
        papers = List.copyOf(papers);
        if (papers.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one paper");
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds " + seeds + " is not a seed count; give --seeds 1 or more");
        }
    }

    /** The plan for {@code reproductions} (in any order, repeats allowed) over {@code seeds} run seeds. */
    static SweepPlan of(List<Reproduction> reproductions, long firstSeed, int seeds, String profile) {
        Map<String, Reproduction> byId = new LinkedHashMap<>();
        reproductions.forEach(r -> byId.putIfAbsent(r.id(), r));
        // Canonical order, so that 'run b a' and 'run a b' are the same sweep.
        List<String> ids = byId.values().stream()
                .sorted(Comparator.comparingInt((Reproduction r) -> r.card().number()).thenComparing(Reproduction::id))
                .map(Reproduction::id).toList();
        return new SweepPlan(ids, firstSeed, seeds, profile);
    }

    /** One unit of a sweep: one paper run once, with one run seed. */
    record Unit(String paper, long seed) {

        /** Its folder's name, {@code seed-<s>}. */
        String folder() {
            return "seed-" + seed;
        }

        /** Its folder under the sweep's output folder. */
        Path dir(Path out) {
            return out.resolve(paper).resolve(folder());
        }

        /** {@code sdr seed 42}. */
        String label() {
            return paper + " seed " + seed;
        }
    }

    /** The run seeds, ascending. */
    List<Long> seedList() {
        return LongStream.range(firstSeed, firstSeed + seeds).boxed().toList();
    }

    /** Every unit, in the documented order: paper by paper, seeds ascending. */
    List<Unit> units() {
        List<Unit> all = new ArrayList<>();
        for (String p : papers) {
            for (long s : seedList()) {
                all.add(new Unit(p, s));
            }
        }
        return all;
    }

    /** The units of one paper, seeds ascending. */
    List<Unit> units(String paper) {
        return units().stream().filter(u -> u.paper().equals(paper)).toList();
    }

    /** The units of shard {@code shard}: every N-th unit, starting at the K-th. */
    List<Unit> units(Shard shard) {
        List<Unit> all = units();
        List<Unit> mine = new ArrayList<>();
        for (int i = shard.k() - 1; i < all.size(); i += shard.n()) {
            mine.add(all.get(i));
        }
        return mine;
    }

    /** {@code [sdr, sg-ntk] x run seeds 42 to 44, quick profile}. */
    String describe() {
        String runSeeds = seeds == 1 ? " " + firstSeed : "s " + firstSeed + " to " + (firstSeed + seeds - 1);
        return papers + " x run seed" + runSeeds + ", " + profile + " profile";
    }

    /** The manifest under {@code out}, if there is one; a one-line error when it is not a manifest. */
    static Optional<SweepPlan> read(Path out) throws IOException {
        Path f = out.resolve(MANIFEST);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            SweepPlan p = GSON.fromJson(Files.readString(f, StandardCharsets.UTF_8), SweepPlan.class);
            if (p == null || p.papers() == null || p.profile() == null) {
                throw new JsonParseException("papers or profile missing");
            }
            return Optional.of(p);
        } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
            throw new IOException(f + " is not a sweep manifest (" + e.getMessage() + "); delete it to plan the "
                    + "sweep again", e);
        }
    }

    /**
     * Writes this plan as {@code out}'s manifest, or checks that the manifest already there is this plan: a sweep
     * that disagrees with the one in {@code out} would mix units that do not belong together. Safe when several
     * shards start at once: the manifest appears whole (a hard link to a finished file) and only once.
     */
    void record(Path out) throws IOException {
        Optional<SweepPlan> there = read(out);
        if (there.isEmpty()) {
            // A single run's result there would be overwritten by the merge, and its folder would hold the units.
            for (String id : papers) {
                if (Files.isRegularFile(out.resolve(id).resolve("result.json"))) {
                    throw new IllegalArgumentException(out + " holds the result of a single run (" + out.resolve(id)
                            .resolve("result.json") + "), not a sweep; give the sweep its own --out");
                }
            }
            Files.createDirectories(out);
            // Not Files.createTempFile, whose 0600 would hide the manifest from the group on shared storage.
            Path tmp = out.resolve("." + MANIFEST + ".partial-" + ProcessHandle.current().pid() + "-"
                    + System.nanoTime());
            try {
                Files.writeString(tmp, GSON.toJson(this) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                Files.createLink(out.resolve(MANIFEST), tmp);
            } catch (FileAlreadyExistsException e) {
                there = read(out); // another shard wrote it first
            } catch (UnsupportedOperationException e) {
                Files.move(tmp, out.resolve(MANIFEST)); // no hard links here: fails if another shard was first
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        if (there.isPresent() && !there.get().equals(this)) {
            throw new IllegalArgumentException(out + " holds another sweep (" + there.get().describe() + "; this run: "
                    + describe() + "); rerun with its papers, --seed, --seeds and --profile (add --resume to finish "
                    + "it), or pick another --out");
        }
    }

    /**
     * A slice of a sweep's units, K of N ({@code 1 <= K <= N}).
     *
     * @param k which slice, from 1
     * @param n how many slices
     */
    record Shard(int k, int n) {

        /** The whole sweep. */
        static final Shard ALL = new Shard(1, 1);

        /** Checks the fields. */
        Shard {
            if (n < 1 || k < 1 || k > n) {
                throw new IllegalArgumentException("--shard " + k + "/" + n + " names no slice: K must be from 1 to N; "
                        + "give --shard K/N, e.g. 2/8");
            }
        }

        /** Parses {@code K/N}; a one-line error otherwise. */
        static Shard parse(String text) {
            String[] kn = text.strip().split("/", -1);
            try {
                if (kn.length == 2) {
                    return new Shard(Integer.parseInt(kn[0].strip()), Integer.parseInt(kn[1].strip()));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--shard '" + text + "' is not K/N; give --shard K/N with 1 <= K <= N, "
                    + "e.g. 2/8");
        }

        /**
         * Slice {@code j} (from 0) of this shard split {@code jobs} ways: shard K of N, split J ways, is the shards
         * K + N j of N J, for j from 0 to J-1 (same order, disjoint, together exactly this shard's units).
         */
        Shard split(int j, int jobs) {
            return new Shard(k + n * j, n * jobs);
        }

        @Override
        public String toString() {
            return k + "/" + n;
        }
    }
}
