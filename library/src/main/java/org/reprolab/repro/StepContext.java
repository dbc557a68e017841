package org.reprolab.repro;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.knowm.xchart.internal.chartpart.Chart;
import org.reprolab.engine.Engines;
import org.reprolab.engine.Progress;
import org.reprolab.engine.Seeds;
import org.reprolab.math.Estimate;
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

    /**
     * Decides {@code claim} (a claim or check this step declared) on {@code estimate} by the claim's own
     * criterion, and records the verdict. {@code detail} says how it was measured, in words and numbers.
     * A claim decided over seeds needs an estimate with an interval; one seed gives INCONCLUSIVE.
     */
    public Verdict decide(Claim claim, Estimate estimate, String detail) {
        Claim declared = session.requireDeclared(step, claim);
        if (declared.criterion() == null) {
            throw new IllegalStateException("claim '" + claim.id() + "' has no criterion");
        }
        if (declared.sampled() && estimate.kind() == Estimate.Kind.EXACT) {
            throw new IllegalStateException("claim '" + claim.id() + "' is decided over seeds: give an Estimate "
                    + "from samples (Estimate.mean, pairedDifference, proportion, ...), not an exact value");
        }
        Verdict v = Verdict.decide(declared, declared.criterion(), declared.referenceOrDefault(), step.id(), estimate,
                detail);
        out.verdict(v);
        return v;
    }

    /** Decides {@code claim} on a value computed exactly (a closed form, an identity, a count). */
    public Verdict decide(Claim claim, double exactValue, String detail) {
        return decide(claim, Estimate.exact(exactValue), detail);
    }

    @Override
    public void close() {
        if (manager != null) {
            manager.close();
            manager = null;
        }
    }
}
