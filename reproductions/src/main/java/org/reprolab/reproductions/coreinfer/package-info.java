/**
 * The reproduction of Wang et al. (2024), "CoreInfer: Accelerating Large Language Model Inference with
 * Semantics-Inspired Adaptive Sparse Activation".
 */
package org.reprolab.reproductions.coreinfer;
