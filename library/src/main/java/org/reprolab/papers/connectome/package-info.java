/**
 * Luciano Dyballa, Samuel Lang, Alexandra Haslund-Gourley, Eviatar Yemini, Steven W. Zucker (2024), "Learning
 * dynamic representations of the functional connectome in neurobiological networks", ICLR 2024, <a
 * href="https://arxiv.org/abs/2402.14102">arXiv:2402.14102</a>.
 *
 * <p>Implemented (numbering ours):
 * <ol>
 *   <li>{@link org.reprolab.papers.connectome.PlantedConnectome}: synthetic calcium traces with planted,
 *       time-varying (possibly overlapping) communities, shared across animals.</li>
 *   <li>{@link org.reprolab.papers.connectome.Affinities}: windowed affinities max(0, r)² stacked into a
 *       [pair][window][animal] tensor, motifs back as matrices, leading-eigenvector weighted communities.</li>
 *   <li>{@link org.reprolab.papers.connectome.NonnegativeCp}: non-negative CP factorisation by HALS.</li>
 *   <li>{@link org.reprolab.papers.connectome.ConnectomeFigures}: time factors against epochs, Jaccard per seed.</li>
 * </ol>
 */
package org.reprolab.papers.connectome;
