/**
 * The reproduction of Chen et al. (2025), "WINA: Weight Informed Neuron Activation for Accelerating Large Language
 * Model Inference".
 */
package org.reprolab.reproductions.wina;
