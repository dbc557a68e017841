/**
 * Activation-sparsity tools shared by several papers: top-k masks ({@link org.reprolab.sparsity.TopK}), input
 * sparsifiers applied before a linear map ({@link org.reprolab.sparsity.InputSparsifier}), sparse inference
 * through a trained MLP and its per-layer output error ({@link org.reprolab.sparsity.SparseInference}), and a
 * one-block transformer classifier whose feed-forward inputs can be sparsified and recorded
 * ({@link org.reprolab.sparsity.TinyTransformer}).
 */
package org.reprolab.sparsity;
