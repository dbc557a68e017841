/**
 * The reproduction of Shen et al. (2024), "Is Conventional SNN Really Efficient? A Perspective from Network
 * Quantization".
 */
package org.reprolab.reproductions.bitbudget;
