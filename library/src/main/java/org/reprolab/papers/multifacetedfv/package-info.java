/**
 * Anh Nguyen, Jason Yosinski, Jeff Clune (2016), "Multifaceted Feature Visualization: Uncovering the Different
 * Types of Features Learned By Each Neuron in Deep Neural Networks", <a
 * href="https://arxiv.org/abs/1602.03616">arXiv:1602.03616</a>.
 *
 * <p>Implemented (numbering ours; the exact schedule of the paper is our reconstruction):
 * <ol>
 *   <li>{@link org.reprolab.papers.multifacetedfv.Facets}: a class's facets, k-means clusters of the penultimate
 *       activations of its images (after PCA), and each facet's mean image of the members nearest its centroid.</li>
 *   <li>{@link org.reprolab.papers.multifacetedfv.ActivationMaximization}: gradient ascent on a class logit with L2
 *       decay, a decaying Gaussian blur and clipping to the pixel range, started from given images.</li>
 *   <li>{@link org.reprolab.papers.multifacetedfv.MultifacetedFigures}: image mosaics and the diversity chart.</li>
 * </ol>
 */
package org.reprolab.papers.multifacetedfv;
