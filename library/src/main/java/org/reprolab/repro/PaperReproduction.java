package org.reprolab.repro;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The template of a reproduction: a paper card, profile settings, and steps that each declare the claims and
 * checks they decide. What is left to a paper is its science:
 *
 * <pre>{@code
 * public final class SduReproduction extends PaperReproduction<SduReproduction.Setup> {
 *     static final Claim TABLE = Claim.claim("table-1", "...").criterion(Criterion.atMost(1e-12), "paper: Table 1");
 *
 *     public SduReproduction() {
 *         super(Setup::of);
 *         step("table", "Equation 3 against Table 1", this::table, TABLE);
 *     }
 *
 *     private void table(StepContext ctx, Setup s) { ... ctx.decide(TABLE, Estimate.exact(err), "..."); }
 * }
 * }</pre>
 *
 * <p>The claims are the steps' declarations, in step order. A claim declared by two steps, two claims with one
 * id, or a step deciding a claim it did not declare are errors when the reproduction is built or run, not at
 * the end of a long run.
 *
 * @param <S> the settings record
 */
public abstract class PaperReproduction<S extends Settings> implements Reproduction {

    private final Function<Profile, S> settings;
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, Claim> claims = new LinkedHashMap<>();
    private String smokeStep;

    /** A reproduction whose profile settings {@code settings} makes. */
    protected PaperReproduction(Function<Profile, S> settings) {
        this.settings = settings;
    }

    /** The work of a step, given its settings. */
    @FunctionalInterface
    public interface StepBody<S> {
        /** Runs the step. */
        void run(StepContext ctx, S settings) throws Exception;
    }

    /** Declares the next step, which decides {@code decides} (claims and checks), each exactly once. */
    protected final Step step(String id, String title, StepBody<S> body, Claim... decides) {
        if (steps.stream().anyMatch(s -> s.id().equals(id))) {
            throw new IllegalStateException(getClass().getSimpleName() + ": two steps named '" + id + "'");
        }
        for (Claim c : decides) {
            if (c.criterion() == null) {
                throw new IllegalStateException(getClass().getSimpleName() + ": claim '" + c.id()
                        + "' has no criterion; declare it with .criterion(...) before any number is measured");
            }
            if (claims.putIfAbsent(c.id(), c) != null) {
                throw new IllegalStateException(getClass().getSimpleName() + ": claim '" + c.id()
                        + "' is decided by two steps (or two claims share the id)");
            }
        }
        Step s = Step.of(id, title, ctx -> body.run(ctx, settings.apply(ctx.profile())), List.of(decides));
        steps.add(s);
        return s;
    }

    /** Marks the step {@code id} to run on one intra-op thread in fast mode too. */
    protected final void onOneThread(String id) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(id)) {
                steps.set(i, steps.get(i).onOneThread());
                return;
            }
        }
        throw new IllegalArgumentException("no step '" + id + "'");
    }

    /**
     * Names the step that {@code mvn verify} runs for this paper without Jupyter (a closed form or a tiny
     * training run, a few seconds in the quick profile); by default the first step.
     */
    protected final void smokeStep(String id) {
        if (steps.stream().noneMatch(s -> s.id().equals(id))) {
            throw new IllegalArgumentException("no step '" + id + "'");
        }
        smokeStep = id;
    }

    /** The step {@code mvn verify} runs for this paper (see {@link #smokeStep(String)}). */
    public final String smokeStep() {
        return smokeStep != null ? smokeStep : steps.get(0).id();
    }

    /** The settings of {@code profile}. */
    public final S settings(Profile profile) {
        return settings.apply(profile);
    }

    @Override
    public final List<Step> steps() {
        return List.copyOf(steps);
    }

    @Override
    public final List<Claim> claims() {
        return List.copyOf(claims.values());
    }

    /** What stands in for the paper's setting under every profile, one sentence each. */
    @Override
    public abstract List<String> standIns();

    @Override
    public final List<String> standIns(Profile profile) {
        List<String> all = new ArrayList<>(standIns());
        all.addAll(settings(profile).standIns());
        return all;
    }
}
