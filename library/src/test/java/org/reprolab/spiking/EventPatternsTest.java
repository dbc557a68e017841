package org.reprolab.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.data.LabeledData;

class EventPatternsTest {

    private static final EventPatterns TASK = EventPatterns.builder().optSeed(11).build();

    @Test
    void sameSeedsGiveTheSameRecordings() {
        LabeledData a = TASK.frames(50, 5, new SplittableRandom(3));
        LabeledData b = EventPatterns.builder().optSeed(11).build().frames(50, 5, new SplittableRandom(3));
        assertArrayEquals(a.featuresArray(), b.featuresArray());
        assertArrayEquals(a.labelsArray(), b.labelsArray());
    }

    @Test
    void oneBinCountsEveryEventOfTheRecordingAndSumsTheFinerBins() {
        List<EventPatterns.Event> events = TASK.recording(4, new SplittableRandom(9));
        float[] one = TASK.bin(events, 1);
        float[] five = TASK.bin(events, 5);
        int c = TASK.channels();
        double total = 0;
        for (int ch = 0; ch < c; ch++) {
            float sum = 0;
            for (int b = 0; b < 5; b++) {
                sum += five[b * c + ch];
            }
            assertEquals(one[ch], sum, 0);
            total += one[ch];
        }
        assertEquals(events.size(), total, 0);
    }

    @Test
    void eventsStayInsideTheRecordingAndFollowTheFormants() {
        SplittableRandom rng = new SplittableRandom(5);
        EventPatterns clean = EventPatterns.builder().optSeed(11).optNoise(0).optChannelJitter(0).optTimeJitter(0)
                .optSpread(0).build();
        for (EventPatterns.Event e : clean.recording(2, rng)) {
            assertTrue(e.time() >= 0 && e.time() < clean.duration() && e.channel() >= 0
                    && e.channel() < clean.channels(), e.toString());
            // without jitter or spread every event lies on one of the class's formants, to rounding
            boolean onFormant = clean.pattern(2).stream().anyMatch(f -> e.time() >= f.start() && e.time() < f.end()
                    && Math.abs(e.channel() - (f.from() + (f.to() - f.from()) * (e.time() - f.start())
                    / (f.end() - f.start()))) <= 0.5);
            assertTrue(onFormant, e.toString());
        }
    }

    @Test
    void eventRateMatchesTheFormantsActiveTimeTimesTheRate() {
        EventPatterns clean = EventPatterns.builder().optSeed(11).optNoise(0).optChannelJitter(0).optTimeJitter(0)
                .optSpread(0).optRate(3).build();
        double active = 0;
        for (EventPatterns.Formant f : clean.pattern(0)) {
            for (int t = 0; t < clean.duration(); t++) {
                active += t >= f.start() && t < f.end() ? 1 : 0;
            }
        }
        SplittableRandom rng = new SplittableRandom(8);
        double n = 0;
        int recordings = 400;
        for (int r = 0; r < recordings; r++) {
            n += clean.recording(0, rng).size();
        }
        // Poisson(3) per active formant step: mean 3·active, standard error √(3·active/recordings)
        assertEquals(3 * active, n / recordings, 4 * Math.sqrt(3 * active / recordings));
    }

    @Test
    void backgroundEventsArriveAtTheNoiseRate() {
        EventPatterns noiseOnly = EventPatterns.builder().optSeed(1).optNoise(0.1).optRate(1e-12).build();
        SplittableRandom rng = new SplittableRandom(2);
        double n = 0;
        for (int r = 0; r < 100; r++) {
            n += noiseOnly.recording(r % noiseOnly.classes(), rng).size();
        }
        double expected = 0.1 * noiseOnly.channels() * noiseOnly.duration();
        assertEquals(expected, n / 100, 4 * Math.sqrt(expected * 0.9 / 100));
    }

    @Test
    void poissonDrawsHaveTheirMean() {
        SplittableRandom rng = new SplittableRandom(4);
        double sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += EventPatterns.poisson(2.5, rng);
        }
        assertEquals(2.5, sum / 20_000, 4 * Math.sqrt(2.5 / 20_000));
    }
}
