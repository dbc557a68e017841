package org.reprolab.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.math.Estimate;

class ReproSessionTest {

    @Test
    void everyClaimAndCheckGetsOneVerdictInDeclarationOrder() {
        ReproResult r = new ToyReproduction().run(Profile.QUICK, 1);
        List<Verdict> v = r.verdicts();
        assertEquals(List.of("good", "bad", "identity", "random"), v.stream().map(Verdict::claimId).toList());
        assertEquals(Outcome.PASS, v.get(0).outcome());
        assertEquals(Outcome.FAIL, v.get(1).outcome());
        assertTrue(v.get(2).isCheck());
        assertTrue(v.get(3).estimate().hasInterval(), "a claim over seeds carries its interval");
        assertEquals(new Tally(r.tally().claimsPassed(), 1, r.tally().claimsInconclusive(), 1, 0), r.tally());
        assertTrue(r.summaryLine().startsWith("claims: ") && r.summaryLine().endsWith("; checks: 1 of 1"),
                r.summaryLine());
        assertThrows(ClaimsFailedException.class, r::verify);
    }

    @Test
    void checksAreCountedApartFromClaims() {
        Tally t = new ToyReproduction().run(Profile.QUICK, 1).tally();
        assertEquals(3, t.claims());
        assertEquals(1, t.checks());
    }

    @Test
    void aThrowingStepLeavesItsClaimsUnmeasuredAndTheRunGoesOn() {
        ReproResult r = new ToyReproduction(true).run(Profile.QUICK, 1);
        Verdict random = r.verdicts().get(3);
        assertEquals(Outcome.FAIL, random.outcome());
        assertTrue(random.measuredText().contains("draw stopped: IllegalStateException: boom"), random.measuredText());
        assertEquals(4.0, r.metrics().get("arithmetic/sum"));
    }

    @Test
    void aStepRunAloneGivesTheSameNumbersAsInAFullRun() {
        ReproSession alone = new ReproSession(new ToyReproduction(), Profile.QUICK, 5);
        double draw = alone.run("draw").metrics().get("draw");
        double inFull = new ToyReproduction().run(Profile.QUICK, 5).metrics().get("draw/draw");
        assertEquals(inFull, draw);
        assertFalse(alone.result().complete());
        assertEquals(1, alone.result().verdicts().size(), "unrun claims are pending, not failed");
    }

    @Test
    void stepShowsARedClaimWithoutThrowingAndVerifyNamesIt() {
        ReproSession s = new ReproSession(new ToyReproduction(), Profile.QUICK, 1);
        StepResult r = s.step("arithmetic");
        assertFalse(r.passed());
        ClaimsFailedException e = assertThrows(ClaimsFailedException.class, r::verify);
        assertTrue(e.getMessage().contains("FAIL bad: measured 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.run("nope"));
    }

    @Test
    void profileSettingsWriteTheStandIns() {
        ToyReproduction toy = new ToyReproduction();
        assertEquals(List.of("Nothing else stands in.", "5 draws stand in for infinitely many."),
                toy.standIns(Profile.QUICK));
        assertTrue(toy.standIns(Profile.FULL).contains("50 draws stand in for infinitely many."));
    }

    @Test
    void findingAnUnknownPaperListsTheValidIds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Reproductions.find("nope"));
        assertTrue(e.getMessage().contains("valid ids: toy"), e.getMessage());
    }

    @Test
    void aClaimDecidedByTwoStepsIsAnErrorWhenTheReproductionIsBuilt() {
        Claim c = Claim.claim("twice", "x").criterion(Criterion.atLeast(0), "ours: test");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PaperReproduction<Settings>(
                p -> List::of) {
            {
                step("a", "a", (ctx, s) -> ctx.decide(c, 1, ""), c);
                step("b", "b", (ctx, s) -> ctx.decide(c, 1, ""), c);
            }

            @Override
            public PaperCard card() {
                return new ToyReproduction().card();
            }

            @Override
            public List<String> standIns() {
                return List.of();
            }
        });
        assertTrue(e.getMessage().contains("decided by two steps"), e.getMessage());
    }

    @Test
    void aClaimWithoutCriterionCannotBeDeclared() {
        Claim c = Claim.claim("bare", "x");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PaperReproduction<Settings>(
                p -> List::of) {
            {
                step("a", "a", (ctx, s) -> { }, c);
            }

            @Override
            public PaperCard card() {
                return new ToyReproduction().card();
            }

            @Override
            public List<String> standIns() {
                return List.of();
            }
        });
        assertTrue(e.getMessage().contains("has no criterion"), e.getMessage());
    }

    @Test
    void aCriterionNamesItsBasis() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Claim.claim("x", "x").criterion(Criterion.atLeast(0), "because I said so"));
        assertTrue(e.getMessage().contains("'paper: ', 'notes: ' or 'ours: '"), e.getMessage());
    }

    @Test
    void oneSeedOfASampledClaimIsInconclusive() {
        Claim c = Claim.claim("s", "x").criterion(Criterion.atLeast(0), "ours: test").overSeeds();
        Verdict v = Verdict.decide(c, c.criterion(), Reference.noNumber("-"), "step", Estimate.mean(0.9), "");
        assertEquals(Outcome.INCONCLUSIVE, v.outcome());
        assertTrue(v.measuredText().contains("one sample: no interval"), v.measuredText());
    }
}
