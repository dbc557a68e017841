/**
 * Julius Berner, Miguel Liu-Schiaffini, Jean Kossaifi, Valentin Duruisseaux, Boris Bonev, Kamyar Azizzadenesheli, Anima Anandkumar (2025), "Principled approaches for extending neural architectures to function spaces for operator learning", <a href="https://arxiv.org/abs/2506.10973">arXiv:2506.10973</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>Convolution as an integral operator by kernel interpolation with quadrature normalisation (Eq. 1, numbering
 *       ours): {@link org.reprolab.papers.nnstonos.InterpolatedConv1d}.</li>
 *   <li>A CNN and its neural-operator version with the same layers:
 *       {@link org.reprolab.papers.nnstonos.OperatorConvNets}.</li>
 *   <li>Figures: {@link org.reprolab.papers.nnstonos.NnsToNosFigures}. The Fourier layer, FNO, periodic fields with
 *       their exact heat flow and resampling are shared in {@code org.reprolab.operators}.</li>
 * </ol>
 */
package org.reprolab.papers.nnstonos;
