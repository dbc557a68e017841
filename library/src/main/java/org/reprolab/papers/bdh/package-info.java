/**
 * Adrian Kosowski, Przemysław Uznański, Jan Chorowski, Zuzanna Stamirowska, Michał Bartoszkiewicz (2025), "The
 * Dragon Hatchling: the missing link between the Transformer and models of the brain", <a
 * href="https://arxiv.org/abs/2509.26507">arXiv:2509.26507</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>BDH-GPU's layer with shared weights: sparse positive neurons x_s = ReLU(x E), linear attention with
 *       RoPE and no softmax, y_s = ReLU(LN(a) E_v), the Hebbian-like gate x_s ⊙ y_s and the decoder:
 *       {@link org.reprolab.papers.bdh.Bdh} (formulas checked against the reference {@code bdh.py}).</li>
 *   <li>The state-space (recurrent) form, ρ_t = ρ_{t−1} + x_sᵀ x, one token at a time:
 *       {@link org.reprolab.papers.bdh.Bdh#recurrentLogits}.</li>
 *   <li>The figures (validation curves, active fractions, activity raster): {@link org.reprolab.papers.bdh.BdhFigures}.
 *       The GPT baseline and the byte-level training loop are shared: {@link org.reprolab.train.TinyGpt},
 *       {@link org.reprolab.train.ByteLmTraining}.</li>
 * </ol>
 */
package org.reprolab.papers.bdh;
