package org.reprolab.papers.rnnsparsedata;

import java.util.ArrayList;
import java.util.List;

/**
 * The stand-in for the paper's centre-out reaches: {@code conditions} directions θ_k = 2πk/K on a ring, each given
 * to the network as a preparatory pulse u_t = (cos θ, sin θ) for the first {@code pulse} of {@code steps} time
 * steps, then zero (the network evolves on its own). Every {@code heldOutEvery}-th condition, starting at 1, is
 * held out of training.
 *
 * @param conditions directions on the ring
 * @param steps time steps per trial
 * @param pulse steps the preparatory input lasts
 * @param heldOutEvery every how many conditions one is held out (interleaved)
 */
public record ReachTask(int conditions, int steps, int pulse, int heldOutEvery) {

    /** The angle of condition {@code k}. */
    public double angle(int k) {
        return 2 * Math.PI * k / conditions;
    }

    /** The input of condition {@code k}: steps × 2. */
    public double[][] input(int k) {
        double[][] u = new double[steps][2];
        for (int t = 0; t < pulse; t++) {
            u[t][0] = Math.cos(angle(k));
            u[t][1] = Math.sin(angle(k));
        }
        return u;
    }

    /** Whether condition {@code k} is held out of training. */
    public boolean heldOut(int k) {
        return k % heldOutEvery == 1;
    }

    /** The training (or held-out) conditions, ascending. */
    public List<Integer> split(boolean heldOut) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < conditions; k++) {
            if (heldOut(k) == heldOut) {
                out.add(k);
            }
        }
        return out;
    }

    /**
     * The coefficient of determination of {@code predicted} against {@code target} (trials × steps × outputs),
     * pooled: 1 − Σ(z − z*)² / Σ(z* − mean_o z*)², each output about its own mean over trials and steps.
     */
    public static double rSquared(double[][][] predicted, double[][][] target) {
        int outs = target[0][0].length;
        double[] mean = new double[outs];
        int count = 0;
        for (double[][] trial : target) {
            for (double[] z : trial) {
                for (int o = 0; o < outs; o++) {
                    mean[o] += z[o];
                }
                count++;
            }
        }
        double sse = 0;
        double sst = 0;
        for (int k = 0; k < target.length; k++) {
            for (int t = 0; t < target[k].length; t++) {
                for (int o = 0; o < outs; o++) {
                    double e = predicted[k][t][o] - target[k][t][o];
                    double d = target[k][t][o] - mean[o] / count;
                    sse += e * e;
                    sst += d * d;
                }
            }
        }
        return 1 - sse / sst;
    }

    /** The rows of several trials (each steps × units) stacked into one samples × units matrix. */
    public static double[][] stack(List<double[][]> trials) {
        List<double[]> rows = new ArrayList<>();
        for (double[][] trial : trials) {
            rows.addAll(List.of(trial));
        }
        return rows.toArray(new double[0][]);
    }
}
