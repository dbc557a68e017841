/**
 * Mingqing Xiao, Qingyan Meng, Zongpeng Zhang, Di He, Zhouchen Lin (2024), "Hebbian Learning based Orthogonal
 * Projection for Continual Learning of Spiking Neural Networks", ICLR,
 * <a href="https://arxiv.org/abs/2402.11984">arXiv:2402.11984</a>.
 *
 * <p>Implemented (numbering ours; the rule's constants from the reference code pkuxmq/HLOP-SNN as summarised in our
 * notes):
 * <ol>
 *   <li>Lateral subspace neurons with the Hebbian / anti-Hebbian (Oja subspace) rule ΔH = y (x − Hᵀy)ᵀ, frozen per
 *       task, and the projection of weight gradients G − (G Hᵀ) H:
 *       {@link org.reprolab.papers.hlop.HebbianSubspace}.</li>
 *   <li>A bias-free ReLU MLP trained on tasks in sequence by SGD, with projected gradients (HLOP) or without
 *       (fine-tuning): {@link org.reprolab.papers.hlop.HlopMlp}.</li>
 *   <li>Permuted-pixel tasks, backward transfer and average accuracy:
 *       {@link org.reprolab.papers.hlop.PermutedTasks}.</li>
 *   <li>The figures: {@link org.reprolab.papers.hlop.HlopFigures}.</li>
 * </ol>
 */
package org.reprolab.papers.hlop;
