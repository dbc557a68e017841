/**
 * Sihan Chen, Dan Zhao, Jongwoo Ko, Colby Banbury, Huiping Zhuang, Luming Liang, Pashmina Cameron, Tianyi Chen
 * (2025), "WINA: Weight Informed Neuron Activation for Accelerating Large Language Model Inference", <a
 * href="https://arxiv.org/abs/2505.19427">arXiv:2505.19427</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>WINA's selection, top-k of |x_j| · ‖W_:,j‖ (Eq. 1), its optimality for orthogonal columns against brute
 *       force, and the TEAL baseline: {@link org.reprolab.papers.wina.Wina} (TEAL's rule and sparse inference
 *       live in the shared {@link org.reprolab.sparsity} package).</li>
 * </ol>
 */
package org.reprolab.papers.wina;
