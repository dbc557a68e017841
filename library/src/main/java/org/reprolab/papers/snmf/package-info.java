/**
 * Or Shafran, Atticus Geiger, Mor Geva (2025), "Decomposing MLP Activations into Interpretable Features via
 * Semi-Nonnegative Matrix Factorization", <a href="https://arxiv.org/abs/2506.10920">arXiv:2506.10920</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>Semi-NMF of activations with winner-take-all sparse features and multiplicative updates (Eqs. 1-3):
 *       {@link org.reprolab.papers.snmf.SemiNmf}.</li>
 *   <li>Feature probes: class purity of a feature's top inputs and steering by adding a feature to a hidden
 *       layer: {@link org.reprolab.papers.snmf.FeatureProbes} (the top-k SAE baseline is the shared
 *       {@link org.reprolab.sparsity.SparseAutoencoder}).</li>
 * </ol>
 */
package org.reprolab.papers.snmf;
