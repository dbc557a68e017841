package org.reprolab.repro;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.reprolab.engine.Engines;
import org.reprolab.engine.Seeds;
import org.reprolab.engine.Display;

/**
 * A run of one reproduction, step by step. The CLI runs all steps; a notebook runs one step a cell:
 *
 * <pre>{@code
 * var selu = ReproSession.start("selu");        // profile from REPROLAB_PROFILE, seed 42
 * selu.step("propagation");                      // shows charts and verdicts; fails the cell on a red claim
 * selu.result();                                 // everything so far
 * }</pre>
 */
public final class ReproSession {

    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42;

    private final Reproduction reproduction;
    private final Profile profile;
    private final long seed;
    private final String startedAt = Instant.now().toString();
    private final Map<String, StepResult> done = new LinkedHashMap<>();
    private final Map<String, Claim> claims = new LinkedHashMap<>();

    /** A session for {@code reproduction}. */
    public ReproSession(Reproduction reproduction, Profile profile, long seed) {
        this.reproduction = reproduction;
        this.profile = profile;
        this.seed = seed;
        reproduction.claims().forEach(c -> claims.put(c.id(), c));
    }

    /** A session for the paper {@code id}, with the profile from the environment and the default seed. */
    public static ReproSession start(String id) {
        return start(id, Profile.fromEnvironment(), DEFAULT_SEED);
    }

    /** A session for the paper {@code id}. */
    public static ReproSession start(String id, Profile profile, long seed) {
        return new ReproSession(Reproductions.find(id), profile, seed);
    }

    /** The reproduction. */
    public Reproduction reproduction() {
        return reproduction;
    }

    /** The profile. */
    public Profile profile() {
        return profile;
    }

    /**
     * The profile's settings record of a {@link PaperReproduction} (cast it to the paper's {@code Setup}), so a
     * notebook computes with the numbers the steps use instead of copying them; null for other reproductions.
     */
    public Settings settings() {
        return reproduction instanceof PaperReproduction<?> p ? p.settings(profile) : null;
    }

    /** The run seed. */
    public long seed() {
        return seed;
    }

    /** The steps' ids, in order. */
    public List<String> stepIds() {
        return reproduction.steps().stream().map(Step::id).toList();
    }

    /** Runs one step (again, if it ran before) and returns what it produced; its exceptions propagate. */
    public StepResult run(String stepId) {
        return execute(find(stepId), false);
    }

    /**
     * Runs one step and shows what it produced (in a notebook: charts, tables, verdicts). A failed claim is shown
     * in red, not thrown, so a notebook runs on to its end with its honest red claims; {@code step(id).verify()}
     * throws {@link ClaimsFailedException} where a failure must stop the caller. An exception inside the step
     * propagates.
     */
    public StepResult step(String stepId) {
        StepResult r = run(stepId);
        Display.show(r);
        return r;
    }

    /**
     * Runs every step in order. A failed claim does not stop the run, nor does a step that throws: its
     * error is recorded, its claims are reported as not measured, and the next step runs. An interrupt
     * ({@link CancellationException}) stops the run.
     */
    public ReproResult runAll() {
        for (Step s : reproduction.steps()) {
            execute(s, true);
        }
        return result();
    }

    private Step find(String stepId) {
        return reproduction.steps().stream().filter(s -> s.id().equals(stepId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown step '" + stepId + "' of "
                        + reproduction.id() + "; valid: " + String.join(", ", stepIds())));
    }

    private StepResult execute(Step step, boolean keepGoing) {
        long stepSeed = Seeds.derive(seed, reproduction.id() + "/" + step.id());
        Engines.seed(stepSeed);
        StepResult.Builder out = new StepResult.Builder(reproduction.id(), step);
        long t0 = System.nanoTime();
        String error = null;
        try (StepContext ctx = new StepContext(this, step, stepSeed, out)) {
            if (step.singleThreaded()) {
                Engines.withIntraOpThreads(1, () -> runBody(step, ctx));
            } else {
                runBody(step, ctx);
            }
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable cause = e instanceof StepFailure f ? f.getCause() : e;
            if (!keepGoing) {
                throw cause instanceof RuntimeException re ? re
                        : new IllegalStateException(reproduction.id() + "/" + step.id() + ": " + cause.getMessage(),
                                cause);
            }
            error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            System.err.println("reprolab: step " + reproduction.id() + "/" + step.id() + " failed with " + error);
            cause.printStackTrace();
        }
        for (Claim c : step.decides()) {
            if (!out.decided(c.id())) {
                if (error == null) {
                    throw new IllegalStateException(reproduction.id() + "/" + step.id() + " declares '" + c.id()
                            + "' but did not decide it");
                }
                out.verdict(Verdict.notMeasured(c, step.id() + " stopped: " + error));
            }
        }
        StepResult r = out.build((System.nanoTime() - t0) / 1e9, error);
        synchronized (done) {
            done.put(step.id(), r);
        }
        return r;
    }

    private static void runBody(Step step, StepContext ctx) {
        try {
            step.body().run(ctx);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StepFailure(e);
        }
    }

    /** A checked exception from a step body, carried through {@link Engines#withIntraOpThreads}. */
    private static final class StepFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailure(Exception cause) {
            super(cause);
        }
    }

    /** The verdicts so far with their tally, for a notebook's closing cell. */
    public VerdictSummary verdicts() {
        ReproResult r = result();
        return new VerdictSummary(reproduction.id(), r.verdicts(), r.complete(),
                reproduction.card().concept());
    }

    /** The result so far. */
    public ReproResult result() {
        List<StepResult> steps;
        synchronized (done) {
            steps = new ArrayList<>(done.values());
        }
        double wall = steps.stream().mapToDouble(StepResult::seconds).sum();
        boolean complete = steps.size() == reproduction.steps().size();
        return new ReproResult(reproduction.card(), profile, seed, Engines.info(), startedAt, wall,
                reproduction.claims(), reproduction.standIns(profile), steps, complete);
    }

    /** The reproduction's declaration of {@code claim}, which {@code step} must have declared it decides. */
    Claim requireDeclared(Step step, Claim claim) {
        Claim declared = claims.get(claim.id());
        if (declared == null) {
            throw new IllegalStateException("claim '" + claim.id() + "' is not declared by " + reproduction.id());
        }
        if (step.decides().stream().noneMatch(c -> c.id().equals(claim.id()))) {
            throw new IllegalStateException("step " + reproduction.id() + "/" + step.id() + " decides '" + claim.id()
                    + "', which it does not declare");
        }
        return declared;
    }
}
