package org.reprolab.papers.neuroformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.engine.Engines;
import org.reprolab.engine.GcStress;

class NeuroformerTest {

    /** A periodic circuit: neuron (t mod 4) fires in bin t, so every window's tokens are predictable. */
    private static boolean[][] clock(int bins) {
        boolean[][] x = new boolean[bins][4];
        for (int t = 0; t < bins; t++) {
            x[t][t % 4] = true;
        }
        return x;
    }

    private static Neuroformer model() {
        return Neuroformer.builder().setNeurons(4).setWindows(4, 3).optDim(16).optLayers(2).optHeads(2).build();
    }

    private static int[] all(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    @Test
    void shapesOfTheOutputsAndTheAttention() {
        Engines.seed(3);
        try (NDManager m = NDManager.newBaseManager()) {
            SpikeTokens tokens = new SpikeTokens(4, 4, 3);
            SpikeTokens.Batch b = tokens.batch(clock(40), tokens.starts(40));
            Neuroformer nf = model();
            NeuroformerTraining.initialize(nf, b, m);
            NDList in = b.inputs(m, new int[] {0, 1, 2});
            NDList out = nf.forward(new ParameterStore(m, false), in, false);
            assertEquals(new Shape(3, b.length(), 7), out.get(0).getShape());
            assertEquals(new Shape(3, b.length(), 4), out.get(1).getShape());
            assertEquals(new Shape(3), out.get(2).getShape());
            List<NDArray> att = nf.crossAttention(in);
            assertEquals(2, att.size());
            assertEquals(new Shape(3, 2, b.length(), b.pastLength()), att.get(0).getShape());
            // each row of attention weights sums to 1
            assertTrue(att.get(0).sum(new int[] {-1}).sub(1).abs().max().getFloat() < 1e-5f);
        }
    }

    @Test
    void futureTokensDoNotChangeEarlierOutputs() {
        Engines.seed(4);
        try (NDManager m = NDManager.newBaseManager()) {
            SpikeTokens tokens = new SpikeTokens(4, 4, 3);
            SpikeTokens.Batch b = tokens.batch(clock(40), tokens.starts(40));
            Neuroformer nf = model();
            NeuroformerTraining.initialize(nf, b, m);
            NDList in = b.inputs(m, new int[] {0});
            NDArray before = nf.forward(new ParameterStore(m, false), in, false).get(0);
            NDArray ids = in.get(3).duplicate();
            NDArray dt = in.get(4).duplicate();
            ids.set(new ai.djl.ndarray.index.NDIndex(":, 2"), 0L);
            dt.set(new ai.djl.ndarray.index.NDIndex(":, 2"), 2L);
            NDList changed = new NDList(in.get(0), in.get(1), in.get(2), ids, dt, in.get(5));
            NDArray after = nf.forward(new ParameterStore(m, false), changed, false).get(0);
            assertTrue(before.get(":, 0:2").sub(after.get(":, 0:2")).abs().max().getFloat() < 1e-6f);
            assertTrue(before.get(":, 2").sub(after.get(":, 2")).abs().max().getFloat() > 1e-6f);
        }
    }

    @Test
    void lossDecreasesOnAPredictableCircuit() {
        Engines.seed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            SpikeTokens tokens = new SpikeTokens(4, 4, 3);
            SpikeTokens.Batch b = tokens.batch(clock(400), tokens.starts(400));
            Neuroformer nf = model();
            NeuroformerTraining.initialize(nf, b, m);
            int[] rows = all(b.size());
            double start = NeuroformerTraining.idCrossEntropy(nf, b, rows, m);
            NeuroformerTraining.builder().setSteps(80).setBatchSize(16).optAdamW(3e-3f, 0).setSeed(1).build()
                    .fit(nf, b, rows, null, m);
            double end = NeuroformerTraining.idCrossEntropy(nf, b, rows, m);
            assertTrue(start > Math.log(7) - 0.1, "near uniform at first: " + start);
            assertTrue(end < 0.3 * start, start + " → " + end);
        }
    }

    @Test
    void gradientsDoNotDependOnGarbageCollection() {
        Engines.seed(6);
        try (NDManager m = Engines.engine().newBaseManager()) {
            SpikeTokens tokens = new SpikeTokens(4, 4, 3);
            SpikeTokens.Batch b = tokens.batch(clock(40), tokens.starts(40));
            Neuroformer nf = model();
            NeuroformerTraining.initialize(nf, b, m);
            NDList in = b.inputs(m, all(4));
            NDList target = b.targets(m, all(4));
            NDArray y = m.create(new float[] {0.5f, -1, 2, 0});
            ParameterStore ps = new ParameterStore(m, false);
            GcStress.assertGradientsIndependentOfGc(() -> {
                NDList out = nf.forward(ps, in, true);
                NDArray err = out.get(2).sub(y);
                return Neuroformer.maskedCrossEntropy(out.get(0), target.get(0), target.get(2))
                        .add(Neuroformer.maskedCrossEntropy(out.get(1), target.get(1), target.get(2)))
                        .add(err.mul(err).mean());
            }, GcStress.trainable(nf));
        }
    }
}
