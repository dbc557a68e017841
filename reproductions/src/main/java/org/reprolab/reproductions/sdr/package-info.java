/** Reproduction of Ahmad and Hawkins (2016): sparse distributed representations and active dendrites. */
package org.reprolab.reproductions.sdr;
