package org.reprolab.repro;

import ai.djl.ndarray.NDManager;
import java.util.Random;
import java.util.SplittableRandom;
import org.knowm.xchart.internal.chartpart.Chart;
import org.reprolab.engine.Engines;
import org.reprolab.engine.Progress;
import org.reprolab.engine.Seeds;
import tech.tablesaw.api.Table;

/**
 * What a step sees: the profile, its own seeds, an {@link NDManager} closed when the step ends, and the
 * recorder for metrics, tables, charts and verdicts.
 */
public final class StepContext implements AutoCloseable {

    private final ReproSession session;
    private final Step step;
    private final long seed;
    private final StepResult.Builder out;
    private NDManager manager;

    StepContext(ReproSession session, Step step, long seed, StepResult.Builder out) {
        this.session = session;
        this.step = step;
        this.seed = seed;
        this.out = out;
    }

    /** The run's profile. */
    public Profile profile() {
        return session.profile();
    }

    /** Whether this is the quick profile. */
    public boolean quick() {
        return session.profile() == Profile.QUICK;
    }

    /** This step's seed (derived from the run seed and the step id). */
    public long seed() {
        return seed;
    }

    /** A seed for a named part of this step. */
    public long seed(String label) {
        return Seeds.derive(seed, label);
    }

    /** A fast RNG for a named part of this step. */
    public SplittableRandom random(String label) {
        return Seeds.random(seed, label);
    }

    /** A {@link Random} for APIs that need one. */
    public Random javaRandom(String label) {
        return new Random(Seeds.derive(seed, label));
    }

    /** An NDManager on the selected device, closed (with all its arrays) when the step ends. */
    public NDManager manager() {
        if (manager == null) {
            manager = Engines.engine().newBaseManager(Engines.device());
        }
        return manager;
    }

    /** Starts a progress task, labelled with the paper and step. */
    public Progress progress(String task, long total) {
        return Progress.start(session.reproduction().id() + "/" + step.id() + ": " + task, total);
    }

    /** Records a named number. */
    public void metric(String name, double value) {
        out.metric(name, value);
    }

    /** Records a table (written as CSV, shown as HTML). */
    public void table(String name, Table table) {
        out.table(name, table);
    }

    /** Records a chart (written as PNG). */
    public void chart(String name, Chart<?, ?> chart) {
        out.chart(name, chart);
    }

    /** Adds a remark to the result, e.g. why a number differs from the paper's. */
    public void note(String text) {
        out.note(text);
    }

    /** Prints a line of the step's log (stdout), so a long run says what it is doing. */
    public void log(String line) {
        System.out.println("[" + session.reproduction().id() + "/" + step.id() + "] " + line);
    }

    /** Records the verdict of {@code claim}: {@code measured} against {@code criterion}. */
    public Verdict check(Claim claim, double measured, Criterion criterion, Reference reference) {
        return check(claim, measured, Verdict.format(measured), criterion, reference);
    }

    /** Records the verdict of {@code claim}, with the measured value printed as {@code measuredText}. */
    public Verdict check(Claim claim, double measured, String measuredText, Criterion criterion,
            Reference reference) {
        session.requireDeclared(claim);
        Verdict v = new Verdict(claim.id(), claim.statement(), step.id(), criterion.test(measured), measured,
                measuredText, criterion.describe(), reference);
        out.verdict(v);
        return v;
    }

    @Override
    public void close() {
        if (manager != null) {
            manager.close();
            manager = null;
        }
    }
}
