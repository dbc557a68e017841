/**
 * The reproduction of Monaco et al. (2021), "A brain basis of dynamical intelligence for AI and computational
 * neuroscience".
 */
package org.reprolab.reproductions.braindynamics;
