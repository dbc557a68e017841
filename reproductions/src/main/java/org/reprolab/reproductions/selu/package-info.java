/** Reproduction of Klambauer et al. (2017): self-normalizing neural networks (SELU). */
package org.reprolab.reproductions.selu;
