package org.reprolab.train;

/**
 * What a training run measured.
 *
 * @param trainLoss mean training loss per epoch
 * @param trainAccuracy training accuracy per epoch (on the batches as trained)
 * @param testLoss test loss after each epoch (empty without test data)
 * @param testAccuracy test accuracy after each epoch (empty without test data)
 * @param batchLoss loss of every batch, in order (empty unless recorded)
 * @param seconds wall time of the training (evaluation included)
 */
public record History(double[] trainLoss, double[] trainAccuracy, double[] testLoss, double[] testAccuracy,
        float[] batchLoss, double seconds) {

    /** Test accuracy after the last epoch, or NaN without test data. */
    public double finalTestAccuracy() {
        return testAccuracy.length == 0 ? Double.NaN : testAccuracy[testAccuracy.length - 1];
    }

    /** Training loss of the last epoch. */
    public double finalTrainLoss() {
        return trainLoss[trainLoss.length - 1];
    }

    /** Epoch numbers 1..n, for charts. */
    public double[] epochs() {
        double[] e = new double[trainLoss.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = i + 1;
        }
        return e;
    }
}
