/** Small, fast training for MLP-style models on DJL: model builders, a training loop with per-batch scopes. */
package org.reprolab.train;
