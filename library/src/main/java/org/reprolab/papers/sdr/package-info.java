/**
 * Ahmad and Hawkins (2016), "How do neurons operate on sparse distributed representations? A mathematical
 * theory of sparsity, neurons and active dendrites", <a href="https://arxiv.org/abs/1601.00720">arXiv:1601.00720</a>.
 *
 * <p>Equations implemented (numbering ours), with n cells of which a are active, a dendritic segment of s synapses
 * and an NMDA threshold θ:
 * <ol>
 *   <li>False match of a random pattern: P = Σ_{b=θ}^{s} C(s,b)·C(n−s, a−b) / C(n,a)
 *       ({@link org.reprolab.papers.sdr.SdrMath#falseMatch}).</li>
 *   <li>Miss under noise, a fraction v of the stored pattern's cells replaced: P = Σ_{b=0}^{θ−1}
 *       C(a(1−v), b)·C(av, s−b) / C(a, s) ({@link org.reprolab.papers.sdr.SdrMath#miss}).</li>
 *   <li>Union of M patterns on one segment of M·s distinct synapses: the false-match formula with s → M·s
 *       ({@link org.reprolab.papers.sdr.SdrMath#unionFalseMatch}).</li>
 *   <li>The NMDA threshold as a trade-off: Eqs. (1) and (2) for every θ at once and the balanced threshold
 *       θ* = argmin P_fp + P_miss ({@link org.reprolab.papers.sdr.SdrMath#balancedThreshold}), swept over the grid
 *       of the paper's threshold figure ({@link org.reprolab.papers.sdr.NmdaThreshold}).</li>
 * </ol>
 * The closed forms are computed exactly with big integers (the per-θ sweep through the hypergeometric recurrence
 * in double precision); {@link org.reprolab.papers.sdr.SdrSimulator} checks them by seeded Monte Carlo, each
 * simulated rate with its interval ({@link org.reprolab.papers.sdr.SimulatedRate}).
 * {@link org.reprolab.papers.sdr.SdrFigures} draws the figures.
 */
package org.reprolab.papers.sdr;
