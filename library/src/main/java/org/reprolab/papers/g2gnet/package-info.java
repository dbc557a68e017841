/**
 * Konstantaropoulos, Smirnakis and Papadopouli (2025), "Neuro-inspired Ensemble-to-Ensemble Communication
 * Primitives for Sparse and Efficient ANNs" (G2GNet), <a href="https://arxiv.org/abs/2508.14140">arXiv:2508.14140</a>.
 *
 * <p>Only the paper's abstract was reachable to us: the mask rule, the DST schedule and the Hebbian score
 * below are our reconstructions of what it names ([recon] in the Javadoc). Implemented (numbering ours):
 * <ol>
 *   <li>A masked linear layer Y = X (W ⊙ M)ᵀ + b whose mask is a non-trainable DJL parameter, saved and loaded
 *       with the block (Eq. 1, {@link org.reprolab.papers.g2gnet.MaskedLinear}).</li>
 *   <li>Ensemble-to-ensemble masks (G ensembles per layer, each fed by k ensembles of the layer below; sparsity
 *       1 − k/G) and unstructured random masks of the same density
 *       (Eq. 2, {@link org.reprolab.papers.g2gnet.Masks}).</li>
 *   <li>The Hebbian score |corr(pre, post)| of z-scored activations on a batch (Eq. 3,
 *       {@link org.reprolab.papers.g2gnet.Hebbian}).</li>
 *   <li>Dynamic sparse training: cosine-decayed prune fraction, magnitude pruning, random or Hebbian regrowth at
 *       constant sparsity (Eqs. 4–6, {@link org.reprolab.papers.g2gnet.DynamicSparseTraining}).</li>
 *   <li>The G2GNet classifier and its dense and random-mask controls, with parameter and multiply counts
 *       ({@link org.reprolab.papers.g2gnet.G2gNet}).</li>
 * </ol>
 */
package org.reprolab.papers.g2gnet;
