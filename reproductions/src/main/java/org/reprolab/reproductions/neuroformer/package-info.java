/**
 * The reproduction of Antoniades et al. (2024), "Neuroformer: Multimodal and Multitask Generative Pretraining for
 * Brain Data".
 */
package org.reprolab.reproductions.neuroformer;
