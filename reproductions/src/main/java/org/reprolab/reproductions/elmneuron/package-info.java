/**
 * The reproduction of Spieler et al. (2024), "The Expressive Leaky Memory Neuron: an Efficient and Expressive
 * Phenomenological Neuron Model Can Solve Long-Horizon Tasks".
 */
package org.reprolab.reproductions.elmneuron;
