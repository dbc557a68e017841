/**
 * Li Liu, Tengchao Yu, Heng Yong (2024), "Numerical approximation capacity of neural networks with bounded
 * parameters: do limits exist, and how can they be measured?", <a
 * href="https://arxiv.org/abs/2409.16697">arXiv:2409.16697</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>Random features with bounded nonlinear parameters, φ(w x + b) with (w, b) ∈ [−B, B]², tanh and sigmoid
 *       ({@link org.reprolab.papers.nsdim.RandomFeatures}).</li>
 *   <li>The numerical span dimension NSdim_ε, the ε-rank of the features' sample matrix, and the extreme learning
 *       machine's least-squares fit it limits ({@link org.reprolab.papers.nsdim.NumericalSpan}, on
 *       {@link org.reprolab.math.PivotedQr}).</li>
 *   <li>The spectra and sweeps as figures ({@link org.reprolab.papers.nsdim.NsdimFigures}).</li>
 * </ol>
 */
package org.reprolab.papers.nsdim;
