/**
 * The reproduction of Chelombiev et al. (2019), "Adaptive estimators show information compression in deep neural
 * networks".
 */
package org.reprolab.reproductions.infocompression;
