/**
 * The reproduction of Dyballa et al. (2024), "Learning dynamic representations of the functional connectome in
 * neurobiological networks".
 */
package org.reprolab.reproductions.connectome;
