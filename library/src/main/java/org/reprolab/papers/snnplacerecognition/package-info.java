/**
 * Somayeh Hussaini, Michael Milford, Tobias Fischer (2023), "Ensembles of Compact, Region-specific & Regularized
 * Spiking Neural Networks for Scalable Place Recognition", <a
 * href="https://arxiv.org/abs/2209.08723">arXiv:2209.08723</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>A compact spiking module (simplified Diehl and Cook: Poisson inputs, LIF with adaptive thresholds,
 *       winner-take-all inhibition, STDP), trained on one region: {@link
 *       org.reprolab.papers.snnplacerecognition.PlaceModule}.</li>
 *   <li>The ensemble of region-specific modules with hyperactive-neuron removal and its calibrated threshold:
 *       {@link org.reprolab.papers.snnplacerecognition.PlaceEnsemble}.</li>
 *   <li>Image places with simulated appearance change (ours): {@link
 *       org.reprolab.papers.snnplacerecognition.AppearanceChange}.</li>
 *   <li>The figures: {@link org.reprolab.papers.snnplacerecognition.PlaceRecognitionFigures}.</li>
 * </ol>
 */
package org.reprolab.papers.snnplacerecognition;
