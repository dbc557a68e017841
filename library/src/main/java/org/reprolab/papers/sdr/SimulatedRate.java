package org.reprolab.papers.sdr;

import java.util.Comparator;
import java.util.List;
import org.reprolab.math.Estimate;

/**
 * A rate counted by simulation next to the closed form that predicts it: {@code events} of {@code trials}
 * against the exact probability {@code exact}. Their agreement is the ratio simulated / exact with the 95% Wilson
 * interval of the count, which is 1 within its interval when the closed form is right.
 *
 * @param setting the parameters, in words (e.g. {@code "n=1024, a=8, s=4, θ=2"})
 * @param exact the closed form's probability
 * @param events trials in which the event happened
 * @param trials independent trials
 */
public record SimulatedRate(String setting, double exact, long events, long trials) {

    /** The simulated rate, events / trials. */
    public double simulated() {
        return (double) events / trials;
    }

    /** How many events the closed form expects in these trials. */
    public double expectedEvents() {
        return exact * trials;
    }

    /** Simulated / exact with the count's 95% Wilson interval; needs {@code exact > 0}. */
    public Estimate ratio() {
        if (!(exact > 0)) {
            throw new IllegalStateException(setting + ": the closed form gives " + exact + ", no ratio");
        }
        return Estimate.proportion(events, trials).times(1 / exact);
    }

    /** How far the ratio's interval reaches from 1 (the larger of |lo − 1| and |hi − 1|). */
    public double reachFromOne() {
        Estimate r = ratio();
        return Math.max(Math.abs(r.lo() - 1), Math.abs(r.hi() - 1));
    }

    /**
     * Among the rates whose closed form expects at least {@code minEvents} events (so that the interval is narrow
     * enough to judge), the one whose interval reaches furthest from 1: if it agrees, all of them do.
     */
    public static SimulatedRate furthestFromExact(List<SimulatedRate> rates, double minEvents) {
        return rates.stream().filter(r -> r.expectedEvents() >= minEvents)
                .max(Comparator.comparingDouble(SimulatedRate::reachFromOne))
                .orElseThrow(() -> new IllegalArgumentException("no rate expects " + minEvents + " events"));
    }
}
