/** Reprolab: reproductions of neural-network papers with falsifiable claims, on DJL and PyTorch. */
package org.reprolab;
