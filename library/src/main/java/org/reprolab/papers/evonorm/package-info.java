/**
 * Hanxiao Liu, Andrew Brock, Karen Simonyan, Quoc V. Le (2020), "Evolving normalization-activation layers",
 * NeurIPS, <a href="https://arxiv.org/abs/2004.02967">arXiv:2004.02967</a>.
 *
 * <p>Implemented (the paper's Table 1):
 * <ol>
 *   <li>EvoNorm-B0 (batch-dependent, with a moving batch variance at inference) and EvoNorm-S0 (batch-independent,
 *       group variance) as one DJL block: {@link org.reprolab.papers.evonorm.EvoNorm}.</li>
 *   <li>A small CNN whose normalisation-activation layers are BN-ReLU, GN-ReLU, B0 or S0:
 *       {@link org.reprolab.papers.evonorm.NormCnn} (GroupNorm is the shared
 *       {@link org.reprolab.train.GroupNorm}).</li>
 *   <li>The figures: {@link org.reprolab.papers.evonorm.EvoNormFigures}.</li>
 * </ol>
 */
package org.reprolab.papers.evonorm;
