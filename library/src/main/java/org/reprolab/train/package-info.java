/**
 * Small, fast training on DJL: model builders ({@link org.reprolab.train.Mlp}), a mini-batch training loop
 * with per-batch scopes ({@link org.reprolab.train.TrainingLoop}), and full-batch regression by L-BFGS or Adam
 * for small function-fitting models ({@link org.reprolab.train.Lbfgs}, {@link org.reprolab.train.RegressionFit}),
 * and Adam on plain arrays for models whose gradients are written out in Java ({@link org.reprolab.train.Adam}).
 */
package org.reprolab.train;
