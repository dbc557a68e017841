/**
 * Ivan Chelombiev, Conor Houghton, Cian O'Donnell (2019), "Adaptive estimators show information compression in deep
 * neural networks", <a href="https://arxiv.org/abs/1902.09037">arXiv:1902.09037</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>The information plane of a deterministic network with discrete input, {@code I(T;X) = H(T)} and
 *       {@code I(T;Y) = H(T) − Σ_y p(y) H(T|Y=y)}, with entropy-based adaptive binning and an adaptive KDE:
 *       {@link org.reprolab.papers.infocompression.InformationPlane} (the estimators themselves are shared:
 *       {@link org.reprolab.math.MutualInformation}).</li>
 *   <li>The 12-bit task: {@link org.reprolab.papers.infocompression.TishbyTask}.</li>
 *   <li>The 12-10-7-5-4-3-2 network with its hidden outputs and an L2 objective:
 *       {@link org.reprolab.papers.infocompression.InformationPlaneNetwork}; training with information-plane
 *       checkpoints: {@link org.reprolab.papers.infocompression.InformationPlaneTraining}.</li>
 *   <li>Compression of a trajectory, (peak − final) / peak of I(T;X), the peak taken after the lowest point before
 *       the end:
 *       {@link org.reprolab.papers.infocompression.InformationPlane#compression}.</li>
 *   <li>Figures: {@link org.reprolab.papers.infocompression.InfoCompressionFigures}.</li>
 * </ol>
 */
package org.reprolab.papers.infocompression;
