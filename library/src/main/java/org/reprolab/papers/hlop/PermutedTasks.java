package org.reprolab.papers.hlop;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.reprolab.data.LabeledData;

/**
 * Permuted-pixel continual-learning tasks and their scores: task 1 is the data as it is, each later task applies its
 * own fixed random permutation of the input features to every image; after training task t the accuracy on every
 * task j is R[t][j].
 *
 * <pre>
 *   ACC = (1/T) Σ_j R[T][j],     BWT = (1/(T−1)) Σ_{j<T} (R[T][j] − R[j][j])
 * </pre>
 *
 * (Lopez-Paz and Ranzato's definitions): BWT &lt; 0 is forgetting.
 */
public final class PermutedTasks {

    private PermutedTasks() {}

    /** {@code tasks} pairs {train, test}, each a fresh random subset, permuted per task. */
    public static List<LabeledData[]> of(LabeledData train, LabeledData test, int tasks, int trainSize, int testSize,
            SplittableRandom rng) {
        List<LabeledData[]> out = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            int[] perm = t == 0 ? identity(train.features()) : LabeledData.permutation(train.features(), rng);
            out.add(new LabeledData[] {permute(train.sample(trainSize, rng), perm, t),
                permute(test.sample(testSize, rng), perm, t)});
        }
        return out;
    }

    /** The data with feature j of every example moved from position perm[j]. */
    public static LabeledData permute(LabeledData data, int[] perm, int task) {
        float[] x = new float[data.size() * data.features()];
        for (int i = 0; i < data.size(); i++) {
            float[] row = data.row(i);
            for (int j = 0; j < perm.length; j++) {
                x[i * perm.length + j] = row[perm[j]];
            }
        }
        return new LabeledData(data.name() + " task " + (task + 1), x, data.labelsArray(), data.features(),
                data.classNames());
    }

    /** ACC: the mean accuracy over all tasks after the last one. */
    public static double averageAccuracy(double[][] r) {
        double s = 0;
        int last = r.length - 1;
        for (double v : r[last]) {
            s += v / r[last].length;
        }
        return s;
    }

    /** BWT: the mean over earlier tasks of the final accuracy minus the accuracy right after learning the task. */
    public static double backwardTransfer(double[][] r) {
        int last = r.length - 1;
        double s = 0;
        for (int j = 0; j < last; j++) {
            s += (r[last][j] - r[j][j]) / last;
        }
        return s;
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }
}
