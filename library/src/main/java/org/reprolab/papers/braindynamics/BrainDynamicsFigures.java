package org.reprolab.papers.braindynamics;

import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.reprolab.report.Charts;

/** The concept notebook's figures (Kuramoto synchrony), built the same way by the reproduction and the notebook. */
public final class BrainDynamicsFigures {

    private BrainDynamicsFigures() {}

    /** r(t) of one population per coupling, keyed by its legend ("K = 2"), sampled every {@code dt}. */
    public static XYChart orderTraces(String title, double dt, Map<String, double[]> traces) {
        XYChart c = Charts.line(title, "time", "order parameter r");
        traces.forEach((name, r) -> {
            double[] t = new double[r.length];
            for (int i = 0; i < r.length; i++) {
                t[i] = (i + 1) * dt;
            }
            Charts.addLine(c, name, t, r);
        });
        c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(0.0).setXAxisTickMarkSpacingHint(150);
        Charts.legendOutside(c);
        return c;
    }

    /**
     * The simulated stationary r against K (mean over seeds, error bars the 95% interval's half-width) beside
     * the infinite-population curve r∞ = sqrt(1 − K_c/K) for the Lorentzian of half-width {@code gamma}.
     */
    public static XYChart orderCurve(double[] couplings, double[] meanR, double[] halfWidth, double gamma) {
        XYChart c = Charts.line("Synchrony sets in at K_c = 2γ = " + Kuramoto.criticalCoupling(
                Kuramoto.lorentzianAtZero(gamma)), "coupling K", "stationary order parameter r");
        double kMax = couplings[couplings.length - 1];
        int n = 200;
        double[] k = new double[n];
        double[] theory = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = kMax * i / (n - 1);
            theory[i] = Kuramoto.stationaryOrder(k[i], gamma);
        }
        Charts.addLine(c, "theory, N → ∞: sqrt(1 − K_c/K)", k, theory);
        XYSeries s = c.addSeries("simulation (mean over seeds, 95% interval)", couplings, meanR, halfWidth);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        c.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(0.0);
        Charts.legendOutside(c);
        return c;
    }

    /**
     * Each oscillator's phase relative to the mean phase ψ against its natural frequency: the locked ones sit on
     * sin(θ − ψ) = ω / (K r), the drifting ones (|ω| > K r) anywhere.
     */
    public static XYChart lockedPhases(Kuramoto model, double[] omega, double[] theta, double window) {
        double[] rpsi = Kuramoto.orderParameter(theta);
        int n = 0;
        for (double w : omega) {
            n += Math.abs(w) <= window ? 1 : 0;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        int j = 0;
        for (int i = 0; i < omega.length; i++) {
            if (Math.abs(omega[i]) <= window) {
                x[j] = omega[i];
                y[j++] = Math.IEEEremainder(theta[i] - rpsi[1], 2 * Math.PI);
            }
        }
        XYChart c = Charts.line(String.format("Phases at K = %.3g (r = %.2f)", model.coupling(), rpsi[0]),
                "natural frequency ω", "phase θ − ψ");
        XYSeries pts = c.addSeries("oscillators", x, y);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pts.setMarker(SeriesMarkers.CIRCLE);
        double kr = model.coupling() * rpsi[0];
        int m = 100;
        double[] lw = new double[m];
        double[] lp = new double[m];
        for (int i = 0; i < m; i++) {
            lw[i] = Math.min(kr, window) * (2.0 * i / (m - 1) - 1);
            lp[i] = Math.asin(lw[i] / kr);
        }
        Charts.addLine(c, "locked: sin(θ − ψ) = ω / (K r)", lw, lp);
        Charts.legendOutside(c);
        return c;
    }
}
