/**
 * The reproduction of Wang et al. (2026), "DeeperBrain: a neuro-grounded EEG foundation
 * model towards universal BCI".
 */
package org.reprolab.reproductions.deeperbrain;
