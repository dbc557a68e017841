/**
 * Ilias Rentzeperis, Luca Calatroni, Laurent U. Perrinet, Dario Prandi (2023), "Beyond ℓ1 sparse coding in V1", <a
 * href="https://arxiv.org/abs/2301.10002">arXiv:2301.10002</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>{@link org.reprolab.papers.beyondl1.Thresholding}: the proximal maps of ℓ1 (soft), ℓ0 (hard), ℓ1/2 (half,
 *       Xu et al.) and CEL0 (Soubies et al.), with their penalties and a brute-force oracle.</li>
 *   <li>{@link org.reprolab.papers.beyondl1.SparseCoder}: ISTA inference a ← prox_{ηλR}(a + η·Φ(x − Φᵀa)),
 *       sparsity-error sweeps, λ calibration, and Olshausen-Field dictionary learning.</li>
 *   <li>{@link org.reprolab.papers.beyondl1.NaturalPatches}: mean-free patches of photographs, ZCA whitening.</li>
 *   <li>{@link org.reprolab.papers.beyondl1.OrientationTuning}: grating responses, OSI and vector strength.</li>
 *   <li>{@link org.reprolab.papers.beyondl1.BeyondL1Figures}: the operators, sparsity-error curves, atom mosaics.</li>
 * </ol>
 */
package org.reprolab.papers.beyondl1;
