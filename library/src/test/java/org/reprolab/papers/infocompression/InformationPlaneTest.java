package org.reprolab.papers.infocompression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.math.MutualInformation;
import org.reprolab.train.Act;

class InformationPlaneTest {

    @Test
    void theTwelveBitTaskHasEveryInputOnceAndBalancedLabels() {
        LabeledData task = TishbyTask.generate(1);
        assertEquals(4096, task.size());
        assertEquals(1.0, MutualInformation.entropyBits(task.labelsArray()), 1e-12);
        double[] x = new double[task.size() * TishbyTask.BITS];
        float[] f = task.featuresArray();
        for (int i = 0; i < x.length; i++) {
            x[i] = f[i];
        }
        InformationPlane.Point p = InformationPlane.adaptiveBinning(30).measure(0, x, TishbyTask.BITS,
                task.labelsArray());
        assertEquals(12.0, p.ix(), 1e-12); // the input layer itself: every input its own cell, I(X;X) = H(X)
        assertEquals(1.0, p.iy(), 1e-12); // and the label a function of it: I(X;Y) = H(Y)
    }

    @Test
    void compressionIsTheFallFromThePeakAsAFraction() {
        assertEquals(0.25, InformationPlane.compression(new double[] {1, 4, 3}), 1e-12);
        assertEquals(0.0, InformationPlane.compression(new double[] {1, 2, 3}), 1e-12);
        // A fall from the untrained value followed by a rise is not compression; a rise then a fall after it is.
        assertEquals(0.0, InformationPlane.compression(new double[] {5, 3, 2, 4}), 1e-12);
        assertEquals(0.5, InformationPlane.compression(new double[] {5, 3, 2, 4, 2}), 1e-12);
        assertEquals(0.0, InformationPlane.compression(new double[] {5, 5.2, 3, 2, 4}), 1e-12); // an early wiggle
    }

    @Test
    void logSpacedEpochsStartAtOneAndEndAtTheLast() {
        int[] e = InformationPlaneTraining.logSpacedEpochs(1000, 10);
        assertEquals(1, e[0]);
        assertEquals(1000, e[e.length - 1]);
    }

    @Test
    void theNetworkExposesEveryHiddenLayerWithItsWidth() {
        try (NDManager m = Engines.engine().newBaseManager()) {
            InformationPlaneNetwork net = InformationPlaneNetwork.builder().optActivation(Act.SOFTSIGN).build();
            net.block().initialize(m, DataType.FLOAT32, new Shape(1, TishbyTask.BITS));
            LabeledData task = TishbyTask.generate(1);
            List<double[]> t = net.hiddenActivations(task.featuresNd(m), m);
            assertEquals(5, t.size());
            for (int l = 0; l < t.size(); l++) {
                assertEquals(4096 * InformationPlaneNetwork.PAPER_WIDTHS[l], t.get(l).length);
            }
            for (double v : t.get(0)) {
                assertEquals(true, Math.abs(v) < 1); // softsign is bounded by 1
            }
        }
    }
}
