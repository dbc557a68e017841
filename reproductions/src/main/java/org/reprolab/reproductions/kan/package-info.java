/** Reproduction of Liu et al. (2024), KAN: Kolmogorov-Arnold networks, with Yang et al. (2024), S-KAN. */
package org.reprolab.reproductions.kan;
