/**
 * Miñoza (2026), "UltraLIF: Fully differentiable spiking neural networks via ultradiscretization and
 * max-plus algebra", ICML 2026, <a href="https://arxiv.org/abs/2602.11206">arXiv:2602.11206</a>.
 *
 * <p>Implemented:
 * <ol>
 *   <li>The soft max-plus operator LSE_ε(a, b) = ε log(e^{a/ε} + e^{b/ε}), 0 ≤ LSE_ε − max ≤ ε ln 2:
 *       {@link org.reprolab.papers.ultralif.SoftMaxPlus}.</li>
 *   <li>UltraLIF and UltraPLIF (learnable τ): u = LSE_ε(v + log τ, I), s = σ((u − θ)/ε), v = u(1 − s), with a
 *       learnable ε: {@link org.reprolab.papers.ultralif.UltraLif}.</li>
 *   <li>UltraDLIF: u_i = LSE_ε(v_{i−1}, v_i, v_{i+1}) + I_i: {@link org.reprolab.papers.ultralif.UltraDlif}.</li>
 *   <li>The ε → 0 limit, the max-plus (tropical) LIF: {@link org.reprolab.papers.ultralif.TropicalLif}, and how
 *       far UltraLIF's trajectories are from it (≤ t·ε·ln 2):
 *       {@link org.reprolab.papers.ultralif.TrajectoryErrors}.</li>
 *   <li>The spike derivatives of a trained layer, bounded by 1/(4ε) and never all zero for a unit:
 *       {@link org.reprolab.papers.ultralif.LayerGradients}.</li>
 *   <li>The paper's figures and small tables: {@link org.reprolab.papers.ultralif.UltraLifFigures}.</li>
 * </ol>
 *
 * <p>The baseline LIF with a surrogate gradient, rate coding, the spiking classifier and its training with the
 * sparsity penalty CE + λ·rate are shared with the other spiking papers, in {@link org.reprolab.spiking}.
 */
package org.reprolab.papers.ultralif;
