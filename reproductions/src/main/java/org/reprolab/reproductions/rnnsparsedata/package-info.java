/**
 * The reproduction of Salatiello and Giese (2020), "RNN learning of performance and intrinsic population dynamics
 * from sparse neural data".
 */
package org.reprolab.reproductions.rnnsparsedata;
