/**
 * Jake Bouvrie, Jean-Jacques Slotine (2011), "Synchronization and redundancy: implications for robustness of neural
 * learning and decision making", Neural Computation 23(11), <a
 * href="https://arxiv.org/abs/1010.4517">arXiv:1010.4517</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>Redundant noisy gradient learners on a quadratic loss coupled through a graph Laplacian, an
 *       Ornstein–Uhlenbeck process: its closed-form stationary spread (σ² d / 2) Σ_j 1 / (h + k λ_j), centroid error
 *       σ² d / (2 h n), the contraction bound, and an Euler–Maruyama simulation
 *       ({@link org.reprolab.papers.syncredundancy.CoupledLearners}; Laplacians in
 *       {@link org.reprolab.math.GraphLaplacian}).</li>
 *   <li>The spread against coupling as a figure ({@link org.reprolab.papers.syncredundancy.SyncFigures}).</li>
 * </ol>
 */
package org.reprolab.papers.syncredundancy;
