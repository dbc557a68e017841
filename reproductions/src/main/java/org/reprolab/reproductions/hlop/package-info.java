/**
 * The reproduction of Xiao et al. (2024), "Hebbian Learning based Orthogonal Projection for Continual Learning of
 * Spiking Neural Networks".
 */
package org.reprolab.reproductions.hlop;
