/**
 * Juncai He, Xinliang Liu, Jinchao Xu (2024), "MgNO: Efficient Parameterization of Linear Operators via Multigrid", <a href="https://arxiv.org/abs/2310.19809">arXiv:2310.19809</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>The V-cycle linear operator W: smoothing, restriction of the residual, recursion, prolongation and
 *       post-smoothing with learned convolutions (Eqs. 1-4, numbering ours):
 *       {@link org.reprolab.papers.mgno.MultigridOperator}.</li>
 *   <li>The MgNO network σ(W u + b) stacked without lifting or projection: {@link org.reprolab.papers.mgno.Mgno}.</li>
 *   <li>The figures: {@link org.reprolab.papers.mgno.MgnoFigures}. Solvers, data, the CNN baseline and the training
 *       loop are shared: {@code org.reprolab.operators}, {@code org.reprolab.train.RegressionLoop}.</li>
 * </ol>
 */
package org.reprolab.papers.mgno;
