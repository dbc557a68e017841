package org.reprolab.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReproSessionTest {

    @Test
    void everyClaimGetsOneVerdictInDeclarationOrder() {
        ReproResult r = new ToyReproduction().run(Profile.QUICK, 1);
        List<Verdict> v = r.verdicts();
        assertEquals(List.of("good", "bad", "random"), v.stream().map(Verdict::claimId).toList());
        assertTrue(v.get(0).passed());
        assertFalse(v.get(1).passed());
        assertEquals(2, r.passedCount());
        assertEquals(1, r.failedCount());
        assertEquals("2 claims passed, 1 failed", r.summaryLine());
        assertThrows(ClaimsFailedException.class, r::verify);
    }

    @Test
    void aThrowingStepLeavesItsClaimsUnmeasuredAndTheRunGoesOn() {
        ReproResult r = new ToyReproduction(true).run(Profile.QUICK, 1);
        Verdict random = r.verdicts().get(2);
        assertFalse(random.passed());
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
    void stepFailsTheCallerOnARedClaimAndNamesIt() {
        ReproSession s = new ReproSession(new ToyReproduction(), Profile.QUICK, 1);
        ClaimsFailedException e = assertThrows(ClaimsFailedException.class, () -> s.step("arithmetic"));
        assertTrue(e.getMessage().contains("FAIL bad: measured 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.run("nope"));
    }

    @Test
    void findingAnUnknownPaperListsTheValidIds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Reproductions.find("nope"));
        assertTrue(e.getMessage().contains("valid ids: toy"), e.getMessage());
    }

    @Test
    void criteriaRejectNaNAndDescribeThemselves() {
        assertFalse(Criterion.atMost(1).test(Double.NaN));
        assertEquals("0.7877 ± 1e-4", Criterion.within(0.7877, 1e-4).describe());
        assertEquals("≤ 1e-12", Criterion.atMost(1e-12).describe());
        assertEquals("in [0.5, 2]", Criterion.between(0.5, 2).describe());
    }

    @Test
    void numbersPrintCompactly() {
        assertEquals("42", Verdict.format(42));
        assertEquals("0.7877", Verdict.format(0.78767));
        assertEquals("2.08e-20", Verdict.format(2.08e-20));
        assertEquals("1.235e6", Verdict.format(1234567.8));
        assertEquals("1500000", Verdict.format(1.5e6));
    }
}
