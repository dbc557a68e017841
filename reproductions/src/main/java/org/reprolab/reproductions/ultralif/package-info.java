/** Reproduction of Miñoza (2026): UltraLIF, ultradiscretized spiking neurons. */
package org.reprolab.reproductions.ultralif;
