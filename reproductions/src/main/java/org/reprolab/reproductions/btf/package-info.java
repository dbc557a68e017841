/** Reproduction of Elser and Lal (2026): learning with Boolean threshold functions by RRR projections. */
package org.reprolab.reproductions.btf;
