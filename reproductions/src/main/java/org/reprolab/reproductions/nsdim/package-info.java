/**
 * The reproduction of Liu et al. (2024), "Numerical approximation capacity of neural networks with bounded
 * parameters: do limits exist, and how can they be measured?".
 */
package org.reprolab.reproductions.nsdim;
