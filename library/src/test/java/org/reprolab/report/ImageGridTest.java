package org.reprolab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageGridTest {

    @Test
    void signedTilesMapZeroToMidGreyAndTheLargestMagnitudeToBlackOrWhite() {
        // Two 1×2 tiles in two columns: 1 + 2·(2 + 1) = 7 columns, 1 + (1 + 1) = 3 rows, gaps mid-grey.
        int[][] g = ImageGrid.tiles(List.of(new double[] {0, -2}, new double[] {1, 0.5}), 1, 2, 2, true);
        assertEquals(3, g.length);
        assertArrayEquals(new int[] {128, 128, 0, 128, 255, 191, 128}, g[1]);
        for (int v : g[0]) {
            assertEquals(128, v);
        }
    }

    @Test
    void unsignedTilesStretchEachTileFromBlackToWhite() {
        int[][] g = ImageGrid.tiles(List.of(new double[] {3, 5, 4}), 1, 3, 1, false);
        assertArrayEquals(new int[] {128, 0, 255, 128, 128}, g[1]);
    }

    @Test
    void chartHasOneCellPerMosaicPixel() {
        var chart = ImageGrid.chart("t", List.of(new double[4], new double[4], new double[4]), 2, 2, 2, true);
        assertTrue(chart.getSeriesMap().containsKey("tiles"));
    }
}
