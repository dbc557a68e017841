/**
 * Reproduction of Radhakrishnan, Belkin and Uhler (2023): wide and deep networks achieve optimality for
 * classification.
 */
package org.reprolab.reproductions.widedeep;
