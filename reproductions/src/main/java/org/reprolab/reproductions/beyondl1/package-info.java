/**
 * The reproduction of Rentzeperis et al. (2023), "Beyond ℓ1 sparse coding in V1".
 */
package org.reprolab.reproductions.beyondl1;
