/**
 * The reproduction of Balcan, Nguyen and Sharma (2025), "Sample complexity of data-driven hyperparameter tuning
 * via structured parameter-dependent dual function".
 */
package org.reprolab.reproductions.hyperparamcomplexity;
