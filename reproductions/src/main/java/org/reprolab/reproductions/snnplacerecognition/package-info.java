/**
 * The reproduction of Hussaini et al. (2023), "Ensembles of Compact, Region-specific & Regularized Spiking Neural
 * Networks for Scalable Place Recognition".
 */
package org.reprolab.reproductions.snnplacerecognition;
