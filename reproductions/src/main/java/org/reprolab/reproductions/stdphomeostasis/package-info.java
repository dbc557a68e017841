/**
 * The reproduction of Davies et al. (2025), "Supervised learning of spatial features with STDP and homeostasis
 * using spiking neural networks on SpiNNaker".
 */
package org.reprolab.reproductions.stdphomeostasis;
