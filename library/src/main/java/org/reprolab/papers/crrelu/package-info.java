/**
 * Haoyuan Sun, Zihao Wu, Bo Xia, Pu Chang, Zibin Dong, Yifu Yuan, Yongzhe Chang, Xueqian Wang (2024), "A method on
 * searching better activation functions", <a href="https://arxiv.org/abs/2405.12954">arXiv:2405.12954</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown to us):
 * <ol>
 *   <li>CRReLU, \(\max(0, x) + ε x e^{-x^2/2}\) with a learnable ε per layer, as a DJL block:
 *       {@link org.reprolab.papers.crrelu.CrRelu}.</li>
 *   <li>The entropy functional EAFO corrects (the positive half of the output entropy of a standard normal
 *       pre-activation), its functional derivative at the identity and its first-order change under the CRReLU
 *       correction: {@link org.reprolab.papers.crrelu.EafoEntropy}.</li>
 *   <li>The figures: {@link org.reprolab.papers.crrelu.CrReluFigures}.</li>
 * </ol>
 */
package org.reprolab.papers.crrelu;
