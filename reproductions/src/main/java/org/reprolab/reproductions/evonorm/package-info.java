/** The reproduction of Liu et al. (2020), "Evolving normalization-activation layers". */
package org.reprolab.reproductions.evonorm;
