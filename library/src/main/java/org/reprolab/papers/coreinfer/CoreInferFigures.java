package org.reprolab.papers.coreinfer;

import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.reprolab.report.Charts;

/** CoreInfer's figures, built the same way by the reproduction and the notebook. */
public final class CoreInferFigures {

    private CoreInferFigures() {}

    /** One bar per named value (a mean over seeds), e.g. accuracies of decodings or core-set overlaps. */
    public static CategoryChart bars(String title, String yTitle, List<String> names, List<Double> values) {
        CategoryChart c = Charts.bars(title, "", yTitle);
        c.addSeries("mean over seeds", names, values);
        c.getStyler().setLegendVisible(false);
        Charts.finish(c);
        return c;
    }
}
