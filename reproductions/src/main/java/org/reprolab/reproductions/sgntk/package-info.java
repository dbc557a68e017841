/** Eilers, Memmesheimer and Goedeke (2024): the surrogate gradient NTK, reproduced. */
package org.reprolab.reproductions.sgntk;
