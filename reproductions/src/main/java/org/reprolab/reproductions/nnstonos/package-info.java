/**
 * The reproduction of Berner et al. (2025), "Principled approaches for extending neural architectures to function
 * spaces for operator learning".
 */
package org.reprolab.reproductions.nnstonos;
