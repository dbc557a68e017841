/**
 * Amirreza Yousefzadeh, Manolis Sifalakis (2021), "Training for temporal sparsity in deep neural networks,
 * application in video processing", <a href="https://arxiv.org/abs/2107.07305">arXiv:2107.07305</a>.
 *
 * <p>Implemented (numbering ours; the equations are the standard delta-network form, the paper's hyperparameters
 * were not reachable):
 * <ol>
 *   <li>The delta activation layer: quantise Q(a) = s·round(a/s) (straight-through), send d_t = Q(a_t) − Q(a_{t−1}),
 *       accumulate z_t = z_{t−1} + W d_t; the temporal sparsity penalty mean |d_t|:
 *       {@link org.reprolab.papers.deltaactivation.DeltaActivation}.</li>
 *   <li>A per-frame MLP with delta layers after its hidden ReLUs, its loss CE + λ·penalty, and its evaluation
 *       (per-frame accuracy, delta density, MAC fraction of delta inference):
 *       {@link org.reprolab.papers.deltaactivation.DeltaMlp}.</li>
 *   <li>Synthetic clips of randomly translated images:
 *       {@link org.reprolab.papers.deltaactivation.TranslatedClips}.</li>
 *   <li>The figures: {@link org.reprolab.papers.deltaactivation.DeltaActivationFigures}.</li>
 * </ol>
 */
package org.reprolab.papers.deltaactivation;
