package org.reprolab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageSamplesAndTextTest {

    @Test
    void theCameramanIsA512SquareOfGreyLevels() {
        float[][] g = ImageSamples.gray("camera");
        assertEquals(512, g.length);
        assertEquals(512, g[0].length);
        float lo = 1;
        float hi = 0;
        for (float[] row : g) {
            for (float v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        assertTrue(lo >= 0 && hi <= 1 && hi - lo > 0.8, lo + ".." + hi);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageSamples.gray("lena"));
        assertTrue(e.getMessage().contains("valid: astronaut"), e.getMessage());
    }

    @Test
    void theFortunesAreMegabytesOfEnglishAndSplitWithoutOverlap() {
        byte[] all = TextCorpus.fortunes();
        assertTrue(all.length > 2_000_000, all.length + " bytes");
        String text = new String(all, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(" the ") && text.contains("\n%\n"), "fortunes are separated by % lines");
        byte[] train = TextCorpus.split(all, 0.9, true);
        byte[] val = TextCorpus.split(all, 0.9, false);
        assertEquals(all.length, train.length + val.length);
    }
}
