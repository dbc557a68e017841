/**
 * Qinsi Wang, Saeed Vahidian, Hancheng Ye, Jianyang Gu, Jianyi Zhang, Yiran Chen (2024), "CoreInfer: Accelerating
 * Large Language Model Inference with Semantics-Inspired Adaptive Sparse Activation", <a
 * href="https://arxiv.org/abs/2410.18311">arXiv:2410.18311</a>.
 *
 * <p>Implemented (numbering ours where the paper's is unknown):
 * <ol>
 *   <li>Token-wise and sentence-wise core neurons from the pre-fill's FFN activations (Eqs. 1-2):
 *       {@link org.reprolab.papers.coreinfer.CoreNeurons}.</li>
 *   <li>Pre-fill then decoding with the FFN restricted to the core set (stability-based mode), with dense and
 *       random-neuron controls, core-set stability and similarity: {@link org.reprolab.papers.coreinfer.CoreInference}
 *       on the shared {@link org.reprolab.sparsity.TinyTransformer}.</li>
 * </ol>
 */
package org.reprolab.papers.coreinfer;
