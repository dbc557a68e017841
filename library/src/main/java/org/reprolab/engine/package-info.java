/** One place that configures the DJL engine: offline natives, threads, seed, device, interruption, progress. */
package org.reprolab.engine;
