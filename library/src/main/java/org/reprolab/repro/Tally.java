package org.reprolab.repro;

import java.util.List;

/**
 * Verdict counts, claims and checks apart: {@code claims: 30 pass, 6 fail, 4 inconclusive; checks: 12 of 12}.
 *
 * @param claimsPassed claims that passed
 * @param claimsFailed claims that failed
 * @param claimsInconclusive claims whose interval straddles the criterion
 * @param checksPassed checks that held
 * @param checksFailed checks that did not hold
 */
public record Tally(int claimsPassed, int claimsFailed, int claimsInconclusive, int checksPassed, int checksFailed) {

    /** The counts of {@code verdicts}. */
    public static Tally of(List<Verdict> verdicts) {
        int[] c = new int[5];
        for (Verdict v : verdicts) {
            if (v.isCheck()) {
                c[v.passed() ? 3 : 4]++;
            } else {
                c[switch (v.outcome()) {
                    case PASS -> 0;
                    case FAIL -> 1;
                    case INCONCLUSIVE -> 2;
                }]++;
            }
        }
        return new Tally(c[0], c[1], c[2], c[3], c[4]);
    }

    /** The sum of two tallies. */
    public Tally plus(Tally o) {
        return new Tally(claimsPassed + o.claimsPassed, claimsFailed + o.claimsFailed,
                claimsInconclusive + o.claimsInconclusive, checksPassed + o.checksPassed,
                checksFailed + o.checksFailed);
    }

    /** Claims decided (any outcome). */
    public int claims() {
        return claimsPassed + claimsFailed + claimsInconclusive;
    }

    /** Checks computed. */
    public int checks() {
        return checksPassed + checksFailed;
    }

    /** Whether anything failed: a claim, or a check (a broken identity is a bug). */
    public boolean anyFailed() {
        return claimsFailed > 0 || checksFailed > 0;
    }

    /** {@code claims: 5 pass, 1 fail, 2 inconclusive; checks: 4 of 4}. */
    public String line() {
        String s = "claims: " + claimsPassed + " pass, " + claimsFailed + " fail, " + claimsInconclusive
                + " inconclusive";
        return checks() == 0 ? s : s + "; checks: " + checksPassed + " of " + checks();
    }

    /**
     * The line of a paper: {@link #line()}, or for a concept notebook ({@link PaperCard#concept()})
     * {@code concept, no claims; checks: 1 of 1}.
     */
    public String line(boolean concept) {
        if (!concept) {
            return line();
        }
        return checks() == 0 ? "concept, no claims" : "concept, no claims; checks: " + checksPassed + " of " + checks();
    }

    @Override
    public String toString() {
        return line();
    }
}
