/**
 * One place that configures the DJL engine: offline natives, threads, seed, device, interruption, progress; and
 * {@link org.reprolab.engine.NdConstants}, constants that are safe on the autograd path.
 */
package org.reprolab.engine;
