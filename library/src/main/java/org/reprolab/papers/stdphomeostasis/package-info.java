/**
 * Sergio Davies, Andrew Gait, Andrew Rowley, Alessandro Di Nuovo (2025), "Supervised learning of spatial features
 * with STDP and homeostasis using spiking neural networks on SpiNNaker",
 * <a href="https://arxiv.org/abs/2312.02659">arXiv:2312.02659</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>A layer of LIF output neurons learning spatial patterns (simultaneous input spikes) by pre-before-post STDP
 *       with a teacher spike, and a homeostatic threshold θ = h Σ w (our reconstruction):
 *       {@link org.reprolab.papers.stdphomeostasis.SpatialPatternLayer}, on the shared
 *       {@link org.reprolab.spiking.Stdp}.</li>
 *   <li>Binary patterns from images: binarised digits, class prototypes, noisy copies, Jaccard overlap:
 *       {@link org.reprolab.papers.stdphomeostasis.SpatialPatterns}.</li>
 *   <li>The figures: {@link org.reprolab.papers.stdphomeostasis.StdpHomeostasisFigures}.</li>
 * </ol>
 */
package org.reprolab.papers.stdphomeostasis;
