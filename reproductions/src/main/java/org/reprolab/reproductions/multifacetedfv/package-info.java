/**
 * The reproduction of Nguyen et al. (2016), "Multifaceted Feature Visualization: Uncovering the Different Types of
 * Features Learned By Each Neuron in Deep Neural Networks".
 */
package org.reprolab.reproductions.multifacetedfv;
