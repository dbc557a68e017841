package org.reprolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepPlanTest {

    @TempDir
    Path out;

    private static SweepPlan plan(int papers, int seeds) {
        List<org.reprolab.repro.Reproduction> toys = new ArrayList<>();
        for (int i = 0; i < papers; i++) {
            toys.add(new SweepToy("toy-" + i, 900 + i));
        }
        return SweepPlan.of(toys, 42, seeds, "quick");
    }

    @Test
    void theShardsCoverEveryUnitExactlyOnce() {
        for (int papers = 1; papers <= 3; papers++) {
            for (int seeds = 1; seeds <= 5; seeds++) {
                SweepPlan p = plan(papers, seeds);
                List<SweepPlan.Unit> all = p.units();
                assertEquals(papers * seeds, new HashSet<>(all).size());
                for (int n = 1; n <= all.size() + 2; n++) {
                    List<SweepPlan.Unit> seen = new ArrayList<>();
                    for (int k = 1; k <= n; k++) {
                        seen.addAll(p.units(new SweepPlan.Shard(k, n)));
                    }
                    assertEquals(all.size(), seen.size(), "units in " + n + " shards");
                    assertEquals(Set.copyOf(all), Set.copyOf(seen), "units in " + n + " shards");
                }
            }
        }
    }

    @Test
    void aShardSplitIntoLocalJobsIsExactlyThatShard() {
        SweepPlan p = plan(3, 7);
        for (int n = 1; n <= 5; n++) {
            for (int k = 1; k <= n; k++) {
                SweepPlan.Shard shard = new SweepPlan.Shard(k, n);
                for (int jobs = 1; jobs <= 4; jobs++) {
                    List<SweepPlan.Unit> split = new ArrayList<>();
                    for (int j = 0; j < jobs; j++) {
                        split.addAll(p.units(shard.split(j, jobs)));
                    }
                    assertEquals(p.units(shard).size(), split.size());
                    assertEquals(Set.copyOf(p.units(shard)), Set.copyOf(split), shard + " in " + jobs + " jobs");
                }
            }
        }
    }

    @Test
    void unitsGoPaperByPaperSeedsAscendingWhateverTheOrderGiven() {
        SweepToy a = new SweepToy("a", 2);
        SweepToy b = new SweepToy("b", 1);
        SweepPlan p = SweepPlan.of(List.of(a, b, a), 7, 2, "quick");
        assertEquals(List.of("b", "a"), p.papers());
        assertEquals(List.of(new SweepPlan.Unit("b", 7), new SweepPlan.Unit("b", 8), new SweepPlan.Unit("a", 7),
                new SweepPlan.Unit("a", 8)), p.units());
        assertEquals(Path.of("x", "a", "seed-8"), new SweepPlan.Unit("a", 8).dir(Path.of("x")));
    }

    @Test
    void badShardsNameTheFix() {
        for (String bad : List.of("3/2", "0/2", "1/0", "2", "a/b", "1/2/3")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SweepPlan.Shard.parse(bad), bad);
            assertTrue(e.getMessage().contains("give --shard K/N"), e.getMessage());
        }
        assertEquals(new SweepPlan.Shard(2, 8), SweepPlan.Shard.parse(" 2/8 "));
    }

    @Test
    void theManifestIsWrittenOnceAndGuardsTheFolder() throws IOException {
        SweepPlan p = plan(2, 3);
        p.record(out);
        p.record(out); // a second shard of the same sweep
        assertEquals(p, SweepPlan.read(out).orElseThrow());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plan(2, 4).record(out));
        assertTrue(e.getMessage().contains("holds another sweep") && e.getMessage().contains("pick another --out"),
                e.getMessage());
        try (var left = Files.list(out)) {
            assertEquals(List.of(out.resolve(SweepPlan.MANIFEST)), left.toList(), "temporary files left behind");
        }
    }

    @Test
    void aFolderWithASingleRunsResultIsNoPlaceForASweep() throws IOException {
        Files.createDirectories(out.resolve("toy-0"));
        Files.writeString(out.resolve("toy-0/result.json"), "{}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plan(1, 2).record(out));
        assertTrue(e.getMessage().contains("single run") && e.getMessage().contains("own --out"), e.getMessage());
    }

    @Test
    void aDamagedManifestIsNamed() throws IOException {
        Files.writeString(out.resolve(SweepPlan.MANIFEST), "{\"papers\": 3");
        IOException e = assertThrows(IOException.class, () -> SweepPlan.read(out));
        assertTrue(e.getMessage().contains(SweepPlan.MANIFEST) && e.getMessage().contains("delete it"),
                e.getMessage());
    }
}
