/**
 * The reproduction of Yousefzadeh and Sifalakis (2021), "Training for temporal sparsity in deep neural networks,
 * application in video processing".
 */
package org.reprolab.reproductions.deltaactivation;
