/**
 * The reproduction of Shafran et al. (2025), "Decomposing MLP Activations into Interpretable Features via
 * Semi-Nonnegative Matrix Factorization".
 */
package org.reprolab.reproductions.snmf;
