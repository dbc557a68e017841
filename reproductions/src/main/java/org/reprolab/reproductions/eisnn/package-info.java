/** The reproduction of Liu et al. (2026), "Deep normalization-free spiking neural networks with lateral inhibition". */
package org.reprolab.reproductions.eisnn;
