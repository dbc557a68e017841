package org.reprolab.spiking;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.engine.Interrupts;
import org.reprolab.math.Stats;
import org.reprolab.report.Tables;
import tech.tablesaw.api.Table;

/**
 * Several spiking networks trained on the same data, once per seed, for comparisons paired by seed: within a
 * seed every network gets the same training and test sets, the same engine seed before it is initialised (so
 * layers of the same shape start from the same weights and rate coding draws the same spikes while the networks
 * agree) and the same data order.
 *
 * <pre>{@code
 * SpikingComparison.Result r = SpikingComparison.builder()
 *         .add("LIF", () -> mlp(SurrogateLif.builder().build()))
 *         .add("UltraLIF", () -> mlp(UltraLif.builder().build()))
 *         .setEpochs(3).setSeeds(3, seed -> 100 + seed, seed -> 200 + seed).build()
 *         .run(seed -> new LabeledData.Split(train(seed), test(seed)), manager);
 * Estimate gain = Estimate.pairedDifference(r.accuracy("UltraLIF"), r.accuracy("LIF"));
 * }</pre>
 */
public final class SpikingComparison {

    /** One network: its name, how to build it, and its sparsity penalty λ. */
    public record Entry(String name, Supplier<SpikingMlp> network, float sparsity) { }

    private final List<Entry> entries;
    private final int epochs;
    private final int seeds;
    private final IntToLongFunction initSeed;
    private final IntToLongFunction shuffleSeed;
    private final ToDoubleFunction<SpikingMlp> track;
    private final String trackedName;
    private final Consumer<String> log;

    private SpikingComparison(Builder b) {
        this.entries = List.copyOf(b.entries);
        this.epochs = b.epochs;
        this.seeds = b.seeds;
        this.initSeed = b.initSeed;
        this.shuffleSeed = b.shuffleSeed;
        this.track = b.track;
        this.trackedName = b.trackedName;
        this.log = b.log;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Trains every network once per seed on {@code data.apply(seed)} (seeds 0, 1, ...), in {@code manager}, and
     * keeps the first seed's trained networks and data.
     */
    public Result run(IntFunction<LabeledData.Split> data, NDManager manager) {
        SpikeTraining.Result[][] results = new SpikeTraining.Result[entries.size()][seeds];
        Map<String, SpikingMlp> first = new LinkedHashMap<>();
        LabeledData.Split firstData = null;
        for (int seed = 0; seed < seeds; seed++) {
            LabeledData.Split split = data.apply(seed);
            firstData = seed == 0 ? split : firstData;
            for (int k = 0; k < entries.size(); k++) {
                Interrupts.check();
                Entry e = entries.get(k);
                SpikingMlp net = e.network().get();
                Engines.seed(initSeed.applyAsLong(seed));
                SpikeTraining.Result r = SpikeTraining.builder().setEpochs(epochs).optSparsity(e.sparsity())
                        .optShuffleSeed(shuffleSeed.applyAsLong(seed)).optName(e.name() + " seed " + (seed + 1))
                        .optTrack(track).build().fit(net, split.train(), split.test(), manager);
                results[k][seed] = r;
                if (seed == 0) {
                    first.put(e.name(), net);
                }
                double last = r.tracked()[epochs - 1];
                log.accept(String.format("%s seed %d: accuracy %.4f, spike rate %.3f%s (%.0f s)", e.name(), seed + 1,
                        r.finalAccuracy(), r.finalSpikeRate(), Double.isNaN(last) ? ""
                                : String.format(", %s %.3f", trackedName, last), r.seconds()));
            }
        }
        return new Result(entries.stream().map(Entry::name).toList(), results, trackedName, first, firstData);
    }

    /**
     * Every network's runs, {@code [network][seed]}.
     *
     * @param names the networks, in the order they were added
     * @param runs each network's training results per seed
     * @param trackedName what the tracked number is (e.g. "learned ε")
     * @param firstSeedNetworks the networks trained on seed 0, by name
     * @param firstSeedData seed 0's training and test sets
     */
    public record Result(List<String> names, SpikeTraining.Result[][] runs, String trackedName,
            Map<String, SpikingMlp> firstSeedNetworks, LabeledData.Split firstSeedData) {

        /** A number of each of {@code name}'s runs, one per seed. */
        public double[] perSeed(String name, ToDoubleFunction<SpikeTraining.Result> f) {
            return Arrays.stream(runs[index(name)]).mapToDouble(f).toArray();
        }

        /** Last-epoch test accuracy per seed. */
        public double[] accuracy(String name) {
            return perSeed(name, SpikeTraining.Result::finalAccuracy);
        }

        /** Last-epoch test spike rate per seed. */
        public double[] spikeRate(String name) {
            return perSeed(name, SpikeTraining.Result::finalSpikeRate);
        }

        /** A per-epoch series averaged over seeds, per network; networks whose series is NaN are left out. */
        public Map<String, double[]> curves(Function<SpikeTraining.Result, double[]> f) {
            Map<String, double[]> out = new LinkedHashMap<>();
            for (int k = 0; k < names.size(); k++) {
                double[] mean = new double[f.apply(runs[k][0]).length];
                for (SpikeTraining.Result r : runs[k]) {
                    for (int e = 0; e < mean.length; e++) {
                        mean[e] += f.apply(r)[e] / runs[k].length;
                    }
                }
                if (!Double.isNaN(mean[0])) {
                    out.put(names.get(k), mean);
                }
            }
            return out;
        }

        /** One row per network: mean accuracy, its sd over seeds, spike rate, tracked number and seconds per run. */
        public Table summary(String title) {
            record Row(String network, double meanAccuracy, double sdOverSeeds, double spikeRate, double tracked,
                    double secondsPerRun) { }
            List<Row> rows = new ArrayList<>();
            for (String n : names) {
                rows.add(new Row(n, Stats.mean(accuracy(n)), Stats.sd(accuracy(n)), Stats.mean(spikeRate(n)),
                        Stats.mean(perSeed(n, r -> r.tracked()[r.tracked().length - 1])),
                        Stats.mean(perSeed(n, SpikeTraining.Result::seconds))));
            }
            Table t = Tables.of(title, Row.class, rows);
            t.column(4).setName(trackedName);
            return t;
        }

        /** Test accuracy per network and seed. */
        public Table accuracyPerSeed(String title) {
            List<String> seeds = new ArrayList<>();
            double[][] acc = new double[names.size()][];
            for (int k = 0; k < names.size(); k++) {
                acc[k] = accuracy(names.get(k));
            }
            for (int s = 1; s <= acc[0].length; s++) {
                seeds.add("seed " + s);
            }
            return Tables.matrix(title, "network", names, seeds, acc);
        }

        private int index(String name) {
            int k = names.indexOf(name);
            if (k < 0) {
                throw new IllegalArgumentException("no network '" + name + "'; have " + names);
            }
            return k;
        }
    }

    /** Builds {@link SpikingComparison}. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();
        private int epochs = 1;
        private int seeds = 3;
        private IntToLongFunction initSeed = seed -> seed;
        private IntToLongFunction shuffleSeed = seed -> seed;
        private ToDoubleFunction<SpikingMlp> track = net -> Double.NaN;
        private String trackedName = "tracked";
        private Consumer<String> log = line -> { };

        /** Adds a network trained with cross-entropy alone. */
        public Builder add(String name, Supplier<SpikingMlp> network) {
            return add(name, network, 0);
        }

        /** Adds a network trained with the sparsity penalty λ·rate. */
        public Builder add(String name, Supplier<SpikingMlp> network, float sparsity) {
            entries.add(new Entry(name, network, sparsity));
            return this;
        }

        /** Epochs per run; default 1. */
        public Builder setEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** The number of seeds and, per seed, the engine seed before initialisation and the shuffling seed. */
        public Builder setSeeds(int seeds, IntToLongFunction initSeed, IntToLongFunction shuffleSeed) {
            this.seeds = seeds;
            this.initSeed = initSeed;
            this.shuffleSeed = shuffleSeed;
            return this;
        }

        /**
         * A number of each network, named {@code name}, recorded after every epoch (see
         * {@link SpikeTraining.Builder#optTrack}); NaN where a network has none.
         */
        public Builder optTrack(String name, ToDoubleFunction<SpikingMlp> probe) {
            this.trackedName = name;
            this.track = probe;
            return this;
        }

        /** Where to report each finished run, one line each; default nowhere. */
        public Builder optLog(Consumer<String> log) {
            this.log = log;
            return this;
        }

        /** The comparison. */
        public SpikingComparison build() {
            if (entries.isEmpty() || epochs < 1 || seeds < 1) {
                throw new IllegalArgumentException("SpikingComparison needs a network, epochs ≥ 1 and seeds ≥ 1");
            }
            return new SpikingComparison(this);
        }
    }
}
