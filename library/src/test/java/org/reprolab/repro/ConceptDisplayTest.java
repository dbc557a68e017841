package org.reprolab.repro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.math.Estimate;
import org.reprolab.report.ResultHtml;

/** A concept notebook (checks only, card marked concept) is shown as "concept, no claims", never as a pass. */
class ConceptDisplayTest {

    static final Claim CHECK = Claim.check("identity", "Holds by construction.")
            .criterion(Criterion.atMost(1e-9), "ours: an identity");

    /** A reproduction whose card is a concept: one step, one check. */
    static final class Concept extends PaperReproduction<ToyReproduction.Setup> {
        Concept() {
            super(ToyReproduction.Setup::of);
            step("demo", "The concept, with its one check", (ctx, s) -> ctx.decide(CHECK, Estimate.exact(0), ""),
                    CHECK);
        }

        @Override
        public PaperCard card() {
            return new PaperCard("concept", 0, "A perspective", List.of("Ada Lovelace"), 1843, "Notes", "",
                    "No numbers.").asConcept();
        }

        @Override
        public List<String> standIns() {
            return List.of();
        }
    }

    @Test
    void aCardIsNotAConceptUnlessMarked() {
        PaperCard plain = new ToyReproduction().card();
        assertFalse(plain.concept());
        assertTrue(plain.asConcept().concept());
        assertEquals(plain.summary(), plain.asConcept().summary());
    }

    @Test
    void aConceptRunReadsConceptNoClaimsInItsLineSummaryAndBadge() {
        ReproResult r = new Concept().run(Profile.QUICK, 1);
        assertEquals(new Tally(0, 0, 0, 1, 0), r.tally());
        assertEquals("concept, no claims; checks: 1 of 1", r.summaryLine());
        assertEquals("claims: 0 pass, 0 fail, 0 inconclusive; checks: 1 of 1", r.tally().line(false));
        VerdictSummary s = new VerdictSummary("concept", r.verdicts(), true, true);
        assertTrue(s.toString().startsWith("concept: concept, no claims; checks: 1 of 1"), s.toString());
        String badge = ResultHtml.badge(r.tally(), true);
        assertTrue(badge.contains("verdict neutral") && badge.contains("concept, no claims"), badge);
        String heading = ResultHtml.summary(s).substring(0, ResultHtml.summary(s).indexOf("</h3>"));
        assertFalse(heading.contains("verdict pass"), "a concept is never shown as a pass: " + heading);
        assertTrue(ResultHtml.badge(r.tally(), false).contains("verdict pass"));
    }

    @Test
    void aConceptWhoseCheckFailsIsRed() {
        Tally failed = new Tally(0, 0, 0, 0, 1);
        assertTrue(ResultHtml.badge(failed, true).contains("verdict fail"));
        assertEquals("concept, no claims; checks: 0 of 1", failed.line(true));
    }
}
