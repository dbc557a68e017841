package org.reprolab.papers.kan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.reprolab.math.Stats;
import org.reprolab.report.Column;
import org.reprolab.report.Tables;
import tech.tablesaw.api.Table;

/**
 * The S-KAN comparison over tasks and seeds ({@link KanTraining#compare} once per task and seed), and what the
 * claims need from it: test RMSEs per model, the best single space of each task (smallest geometric mean over
 * seeds), and per seed the geometric means over tasks of S-KAN, of the best single-space KANs and of the MLP.
 */
public final class SKanComparison {

    private final List<ActivationSpace> pool;
    private final List<ToyFunction> tasks;
    private final int seeds;
    private final double[][][] rmse;                                    // [task][model][seed]
    private final List<Choice> choices = new ArrayList<>();

    /** An empty comparison of {@code pool}'s spaces, S-KAN and the MLP on {@code tasks}, over {@code seeds} seeds. */
    public SKanComparison(List<ActivationSpace> pool, List<ToyFunction> tasks, int seeds) {
        this.pool = List.copyOf(pool);
        this.tasks = List.copyOf(tasks);
        this.seeds = seeds;
        this.rmse = new double[tasks.size()][pool.size() + 2][seeds];
    }

    /** One task and seed: S-KAN's choice and the parameter counts. */
    record Choice(String task, String shape, @Column("seed") int seed, @Column("S-KAN choice") String choice,
            @Column("S-KAN parameters (all spaces)") long all, @Column("S-KAN parameters (pruned)") long pruned,
            @Column("MLP parameters") long mlp) { }

    /** Records task {@code task}'s comparison at seed {@code seed} (0-based). */
    public void record(int task, int seed, KanTraining.Comparison c) {
        for (int q = 0; q < pool.size(); q++) {
            rmse[task][q][seed] = c.single()[q];
        }
        rmse[task][pool.size()][seed] = c.skan();
        rmse[task][pool.size() + 1][seed] = c.mlp();
        ToyFunction f = tasks.get(task);
        choices.add(new Choice(f.name(), java.util.Arrays.toString(f.kanShape()), seed + 1, c.choice().toString(),
                c.skanParametersAll(), c.skanParameters(), c.mlpParameters()));
    }

    /** The models, in column order: the pool's spaces, then "S-KAN" and "MLP". */
    public List<String> models() {
        List<String> m = new ArrayList<>(pool.stream().map(ActivationSpace::name).toList());
        m.add("S-KAN");
        m.add("MLP");
        return m;
    }

    /** Short task names for axes ("4-D" for many inputs). */
    public List<String> taskNames() {
        return tasks.stream().map(f -> f.dims() > 2 ? f.dims() + "-D" : f.name()).toList();
    }

    /** Test RMSE of {@code model} (a column of {@link #models()}) on {@code task}, one per seed. */
    public double[] rmse(int task, int model) {
        return rmse[task][model].clone();
    }

    /** The geometric mean over seeds of every task's and model's test RMSE: {@code [task][model]}. */
    public double[][] geometricMeans() {
        double[][] g = new double[tasks.size()][pool.size() + 2];
        for (int t = 0; t < tasks.size(); t++) {
            for (int q = 0; q < g[t].length; q++) {
                g[t][q] = Stats.geometricMean(rmse[t][q]);
            }
        }
        return g;
    }

    /** The best single space of {@code task}: the smallest geometric-mean test RMSE over seeds. */
    public int bestSpace(int task) {
        return Stats.argMin(java.util.Arrays.copyOf(geometricMeans()[task], pool.size()));
    }

    /** Per seed, how many different spaces are best (at that seed) across the tasks. */
    public double[] differentBestSpaces() {
        double[] n = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            Set<Integer> won = new LinkedHashSet<>();
            for (int t = 0; t < tasks.size(); t++) {
                double[] single = new double[pool.size()];
                for (int q = 0; q < single.length; q++) {
                    single[q] = rmse[t][q][s];
                }
                won.add(Stats.argMin(single));
            }
            n[s] = won.size();
        }
        return n;
    }

    /** Per seed, the geometric mean over tasks of S-KAN's test RMSE. */
    public double[] skanOverTasks() {
        return overTasks(t -> pool.size());
    }

    /** Per seed, the geometric mean over tasks of the best single space's test RMSE ({@link #bestSpace}). */
    public double[] bestSingleOverTasks() {
        return overTasks(this::bestSpace);
    }

    /** Per seed, the geometric mean over tasks of the MLP's test RMSE. */
    public double[] mlpOverTasks() {
        return overTasks(t -> pool.size() + 1);
    }

    private double[] overTasks(java.util.function.IntUnaryOperator modelOfTask) {
        double[] v = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            double[] perTask = new double[tasks.size()];
            for (int t = 0; t < tasks.size(); t++) {
                perTask[t] = rmse[t][modelOfTask.applyAsInt(t)][s];
            }
            v[s] = Stats.geometricMean(perTask);
        }
        return v;
    }

    /** "task: space" for each task's best single space. */
    public List<String> bestSpaceNames() {
        List<String> names = taskNames();
        List<String> out = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            out.add(names.get(t) + ": " + pool.get(bestSpace(t)).name());
        }
        return out;
    }

    /** Test RMSE by task and model, geometric means over seeds. */
    public Table table() {
        return Tables.matrix("test RMSE, geometric mean over " + seeds + " seeds", "task", taskNames(), models(),
                geometricMeans());
    }

    /** S-KAN's choices and the parameter counts, per task and seed. */
    public Table choices() {
        return Tables.of("S-KAN's choices and parameter counts", Choice.class, choices);
    }

    /** The bar chart of {@link KanFigures#skanBars}. */
    public CategoryChart chart() {
        double[][] g = geometricMeans();
        Map<String, double[]> byModel = new LinkedHashMap<>();
        List<String> models = models();
        for (int q = 0; q < models.size(); q++) {
            double[] col = new double[tasks.size()];
            for (int t = 0; t < tasks.size(); t++) {
                col[t] = g[t][q];
            }
            byModel.put(models.get(q), col);
        }
        return KanFigures.skanBars(taskNames(), byModel);
    }
}
