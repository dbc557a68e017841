/**
 * Elser and Lal (2026), "Learning with Boolean threshold functions",
 * <a href="https://arxiv.org/abs/2602.17493">arXiv:2602.17493</a>. Networks whose every value is ±1, trained
 * without a loss: learning is a feasibility problem solved by reflect-reflect-relax (RRR) projections on a
 * divide-and-concur formulation. Implemented in the spirit of the paper: its exact projection formulas and
 * normalisation were not available to us, so the formulation below and the derivations are ours.
 *
 * <p>Implemented (equation numbers ours, used in {@code // Eq. (n)} comments):
 * <ol>
 *   <li>Eq. 1, the Boolean threshold function \(y_j = \operatorname{sgn}(w_j \cdot x_j)\), in networks
 *       ({@link org.reprolab.papers.btf.BtfNetwork}) learned from truth tables such as a multiplier or a
 *       cellular automaton ({@link org.reprolab.papers.btf.TruthTable}).</li>
 *   <li>Eq. 2, the RRR iteration \(z \leftarrow z + \beta[P_B(2P_A(z) - z) - P_A(z)]\) over any two
 *       projections, with its error trace and restarts ({@link org.reprolab.papers.btf.Rrr},
 *       {@link org.reprolab.papers.btf.Projection}).</li>
 *   <li>Eq. 3, the BTF constraint with margin, \(y (w \cdot x) \ge \mu\rho\) with ±1 values, and its exact
 *       projections, Boolean and relaxed ({@link org.reprolab.papers.btf.BtfConstraint}).</li>
 *   <li>Eq. 4, divide-and-concur: A = every replica's nodes satisfy Eq. 3, B = all copies of weights and values
 *       agree, input weights in [−ρ, ρ] ({@link org.reprolab.papers.btf.DivideAndConcur}); a solver on top
 *       ({@link org.reprolab.papers.btf.BtfSolver}).</li>
 *   <li>Eq. 5, the gradient baseline: the same network trained with the straight-through estimator
 *       \(\partial y / \partial a := \mathbf{1}\{|a| \le 1\}\) ({@link org.reprolab.papers.btf.StraightThrough}).</li>
 *   <li>Tasks and their analysis: random teacher networks of logic gates ({@link org.reprolab.papers.btf.Teachers}),
 *       hand-built ±1 gate solutions of the 2-bit multiplier and of rule 110
 *       ({@link org.reprolab.papers.btf.KnownSolutions}), and how close learned weights are to a gate network,
 *       within (1 − μ)ρ of {0, ±ρ} at margin μ ({@link org.reprolab.papers.btf.GateRounding}).</li>
 *   <li>The reproduction's figures and small tables, shared with its notebook
 *       ({@link org.reprolab.papers.btf.BtfFigures}).</li>
 * </ol>
 */
package org.reprolab.papers.btf;
