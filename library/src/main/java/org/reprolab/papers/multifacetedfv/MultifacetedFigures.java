package org.reprolab.papers.multifacetedfv;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.HeatMapChart;
import org.reprolab.report.Charts;
import org.reprolab.report.ImageGrid;

/** The paper's figures, drawn the same way by the reproduction and the notebook. */
public final class MultifacetedFigures {

    private MultifacetedFigures() {}

    /** Images of {@code side × side} pixels in [0, 1], {@code columns} a row, each stretched to its own range. */
    public static HeatMapChart images(String title, float[][] images, int side, int columns) {
        List<double[]> tiles = new ArrayList<>();
        for (float[] im : images) {
            tiles.add(Facets.toDouble(im));
        }
        return ImageGrid.chart(title, tiles, side, side, columns, false);
    }

    /** Mean pairwise correlation of the facet images and of the plain AM images, per class. */
    public static CategoryChart diversity(List<String> classes, List<Double> facets, List<Double> plain) {
        CategoryChart c = Charts.bars("Similarity among a class's visualisations (lower = more diverse)", "class",
                "mean pairwise pixel correlation");
        c.addSeries("multifaceted (cluster-mean starts)", classes, facets);
        c.addSeries("plain AM (noise starts)", classes, plain);
        Charts.legendOutside(c);
        return c;
    }
}
