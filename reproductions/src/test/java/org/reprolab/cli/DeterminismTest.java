package org.reprolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprolab.repro.Profile;
import org.reprolab.repro.ReproSession;
import org.reprolab.repro.Reproductions;

/** The same seed gives bit-identical metrics on the same machine. */
class DeterminismTest {

    @Test
    void sdrQuickProfileRunTwiceGivesIdenticalMetrics() {
        Map<String, Double> a = Reproductions.find("sdr").run(Profile.QUICK, 7).metrics();
        Map<String, Double> b = Reproductions.find("sdr").run(Profile.QUICK, 7).metrics();
        assertEquals(a, b);
    }

    @Test
    void engineRandomnessIsSeededToo() {
        // Signal propagation draws all its weights and inputs from the engine's RNG.
        Map<String, Double> a = new ReproSession(Reproductions.find("selu"), Profile.QUICK, 7).run("propagation").metrics();
        Map<String, Double> b = new ReproSession(Reproductions.find("selu"), Profile.QUICK, 7).run("propagation").metrics();
        assertEquals(a, b);
    }
}
