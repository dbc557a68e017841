package org.reprolab.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import tech.tablesaw.api.Table;

class SpikingComparisonTest {

    private static final EventPatterns TASK = EventPatterns.builder().optClasses(4).optChannels(16).optSeed(2).build();

    private static SpikingComparison.Result run(int seeds) {
        Supplier<SpikingMlp> lif = () -> SpikingMlp.builder().setHidden(8).setOutputs(4).optFrames(true)
                .setNeuron(SurrogateLif.builder().build()).build();
        List<String> lines = new ArrayList<>();
        try (NDManager m = Engines.engine().newBaseManager()) {
            SpikingComparison.Result r = SpikingComparison.builder().add("a", lif).add("b", lif).add("c", lif, 0.5f)
                    .setEpochs(2).setSeeds(seeds, seed -> 10 + seed, seed -> 20 + seed).optLog(lines::add).build()
                    .run(seed -> new LabeledData.Split(TASK.frames(64, 1, new SplittableRandom(seed)),
                            TASK.frames(32, 1, new SplittableRandom(100 + seed))), m);
            assertEquals(3 * seeds, lines.size());
            return r;
        }
    }

    @Test
    void identicalNetworksGiveIdenticalRunsWithinASeedAndDifferentOnesAcrossSeeds() {
        SpikingComparison.Result r = run(2);
        assertArrayEquals(r.accuracy("a"), r.accuracy("b"));
        assertArrayEquals(r.spikeRate("a"), r.spikeRate("b"));
        assertNotEquals(r.perSeed("a", x -> x.trainLoss()[0])[0], r.perSeed("a", x -> x.trainLoss()[0])[1]);
        // the sparsity penalty changes the loss from the first batch on
        assertNotEquals(r.perSeed("a", x -> x.trainLoss()[0])[0], r.perSeed("c", x -> x.trainLoss()[0])[0]);
        assertEquals(List.of("a", "b", "c"), List.copyOf(r.firstSeedNetworks().keySet()));
        assertEquals(64, r.firstSeedData().train().size());
    }

    @Test
    void tablesHaveOneRowPerNetworkAndOneColumnPerSeed() {
        SpikingComparison.Result r = run(3);
        Table summary = r.summary("s");
        assertEquals(3, summary.rowCount());
        assertEquals("tracked", summary.column(4).name());
        Table perSeed = r.accuracyPerSeed("p");
        assertEquals(3, perSeed.rowCount());
        assertEquals(4, perSeed.columnCount());
        assertEquals(r.accuracy("c")[2], perSeed.doubleColumn(3).get(2), 0);
        assertEquals(2, r.curves(SpikeTraining.Result::testAccuracy).get("a").length);
        assertEquals(0, r.curves(SpikeTraining.Result::tracked).size());          // nothing tracked: NaN, left out
    }
}
