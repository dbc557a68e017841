package org.reprolab.papers.sgntk;

import java.util.ArrayList;
import java.util.List;
import org.reprolab.math.LinearAlgebra;
import org.reprolab.report.Column;

/**
 * erf_m → sign in closed form: how the naive NTK Θ_m and the SG-NTK I_m (with a fixed surrogate) of erf_m
 * networks behave as the steepness m grows. Θ_m's diagonal grows like m^L (each hidden layer contributes
 * E[φ_m′(u)²] ∝ m, Eq. E2), so the naive NTK of sign is infinite there; I_m tends to the finite I_sign of Eq. E6.
 *
 * @param depth hidden layers L
 * @param rows the kernels at x and x′ for every m
 * @param naiveSlope log-log slope of Θ_m(x, x) between the last two m given as the fit's ends
 * @param naiveOffChange |Θ(x, x′) at the last m / at the first fitted m − 1|: the off-diagonal settles
 * @param signDiagonal I_sign(x, x)
 * @param naiveSignDiagonal Θ_sign(x, x) (infinite)
 * @param deviationFrom max |I_m − I_sign| / |I_sign| over the grid, at the first fitted m
 * @param deviationTo the same at the last m
 */
public record SignLimit(int depth, List<Row> rows, double naiveSlope, double naiveOffChange, double signDiagonal,
        double naiveSignDiagonal, double deviationFrom, double deviationTo) {

    /** Θ_m and I_m at (x, x) and (x, x′) for one m. */
    public record Row(int hiddenLayers, double m, @Column("Θ_m(x, x)") double naiveDiagonal,
            @Column("Θ_m(x, x′)") double naiveOff, @Column("I_m(x, x)") double sgDiagonal,
            @Column("I_m(x, x′)") double sgOff) { }

    /**
     * The study for {@code depth} hidden layers: kernels at {@code x}, {@code xp} for every m in {@code ms}, the
     * naive slope and the deviation of I_m from I_sign over {@code grid} × {@code grid} between {@code ms[from]} and
     * the last m.
     */
    public static SignLimit study(Derivative surrogate, double sigmaW, double sigmaB, int depth, double[] ms, int from,
            double[] x, double[] xp, double[][] grid) {
        List<Row> rows = new ArrayList<>();
        for (double m : ms) {
            SgNtk sg = kernel(Activation.erf(m), surrogate, sigmaW, sigmaB, depth);
            rows.add(new Row(depth, m, sg.naive().entry(x, x).kernel(), sg.naive().entry(x, xp).kernel(),
                    sg.entry(x, x).kernel(), sg.entry(x, xp).kernel()));
        }
        Row a = rows.get(from);
        Row b = rows.get(rows.size() - 1);
        SgNtk sign = kernel(Activation.sign(), surrogate, sigmaW, sigmaB, depth);
        double[][] limit = sign.kernel(grid, grid);
        return new SignLimit(depth, rows, Math.log(b.naiveDiagonal() / a.naiveDiagonal()) / Math.log(b.m() / a.m()),
                Math.abs(b.naiveOff() / a.naiveOff() - 1), sign.entry(x, x).kernel(), sign.naive().entry(x, x).kernel(),
                LinearAlgebra.maxRelativeDeviation(kernel(Activation.erf(a.m()), surrogate, sigmaW, sigmaB, depth)
                        .kernel(grid, grid), limit),
                LinearAlgebra.maxRelativeDeviation(kernel(Activation.erf(b.m()), surrogate, sigmaW, sigmaB, depth)
                        .kernel(grid, grid), limit));
    }

    /** deviationTo / deviationFrom: how much the deviation from I_sign shrank over the fitted range of m. */
    public double shrink() {
        return deviationTo / deviationFrom;
    }

    /** One column of the rows, e.g. {@code Row::naiveDiagonal}, for charts. */
    public double[] column(java.util.function.ToDoubleFunction<Row> f) {
        return rows.stream().mapToDouble(f).toArray();
    }

    private static SgNtk kernel(Activation a, Derivative surrogate, double sigmaW, double sigmaB, int depth) {
        return SgNtk.builder().setActivation(a).optSurrogate(surrogate).optSigmaW(sigmaW).optSigmaB(sigmaB)
                .optDepth(depth).build();
    }
}
