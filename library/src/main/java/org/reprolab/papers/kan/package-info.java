/**
 * Liu, Wang, Vaidya, Ruehle, Halverson, Soljačić, Hou and Tegmark (2024), "KAN: Kolmogorov-Arnold
 * Networks", <a href="https://arxiv.org/abs/2404.19756">arXiv:2404.19756</a>; and Yang, Zhang, Luo, Lu and Shen
 * (2024), "Activation Space Selectable Kolmogorov-Arnold Networks" (S-KAN),
 * <a href="https://arxiv.org/abs/2408.08338">arXiv:2408.08338</a>.
 *
 * <p>Implemented:
 * <ol>
 *   <li>B-spline bases by the Cox-de Boor recursion, in NDArray ops (autograd through x) and in double
 *       precision, with least-squares coefficient fits ({@link org.reprolab.math.LinearAlgebra#leastSquares}):
 *       {@link org.reprolab.papers.kan.BSpline}.</li>
 *   <li>The KAN layer φ(x) = s^b·b(x) + s^sp·Σ c_c B_c(x) on every edge, summed at every node (Eqs. 2.10-2.12),
 *       with grid update from samples and grid extension by least squares (Sec. 2.4, Eq. 2.16) with pykan's
 *       knots or our nested ones: {@link org.reprolab.papers.kan.KanLayer}; stacked into a network (Eq. 2.7):
 *       {@link org.reprolab.papers.kan.KanBlock}; its learned edges read off:
 *       {@link org.reprolab.papers.kan.LearnedEdges}.</li>
 *   <li>Activation spaces (B-spline, Chebyshev, Fourier, Gaussian RBF):
 *       {@link org.reprolab.papers.kan.ActivationSpace}.</li>
 *   <li>The S-KAN layer, whose nodes weight the spaces by a learned softmax selection with a temperature, and
 *       its pruning to one space per node: {@link org.reprolab.papers.kan.SKanLayer},
 *       {@link org.reprolab.papers.kan.SKanBlock}.</li>
 *   <li>How the experiments train: L-BFGS with pykan's grid-update schedule, the grid-extension sweep, S-KAN's
 *       three stages and the same-size MLP ({@link org.reprolab.papers.kan.KanTraining}, on
 *       {@link org.reprolab.train.RegressionFit}); the figures and demonstration tables
 *       ({@link org.reprolab.papers.kan.KanFigures}).</li>
 *   <li>The paper's toy target functions: {@link org.reprolab.papers.kan.ToyFunction}.</li>
 * </ol>
 */
package org.reprolab.papers.kan;
