package org.reprolab.sparsity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.reprolab.data.LabeledData;
import org.reprolab.data.Synthetic;
import org.reprolab.engine.Engines;
import org.reprolab.train.History;
import org.reprolab.train.TrainingLoop;

class SparseAutoencoderTest {

    @Test
    void codesHaveAtMostTheActiveCountAndTrainingLowersTheReconstructionError() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            Engines.seed(6);
            LabeledData data = Synthetic.blobs(300, 6, 3, 4.0, 9);
            SparseAutoencoder sae = new SparseAutoencoder(6, 8, 2);
            sae.initialize(m, DataType.FLOAT32, new Shape(1, 6));
            NDArray codes = sae.encode(data.featuresNd(m));
            assertEquals(new Shape(300, 8), codes.getShape());
            NDArray nonZero = codes.gt(0).sum(new int[] {1});
            assertTrue(nonZero.max().getLong() <= 2);
            History h = TrainingLoop.builder().setEpochs(30).setBatchSize(30).optAdam(0.01f).optShuffleSeed(1)
                    .optObjective(SparseAutoencoder.objective()).build().fit(sae, data, null, m);
            assertTrue(h.trainLoss()[29] < 0.5 * h.trainLoss()[0], "loss " + h.trainLoss()[0] + " → "
                    + h.trainLoss()[29]);
        }
    }
}
