/**
 * The reproduction of Kosowski et al. (2025), "The Dragon Hatchling: the missing link between the Transformer and
 * models of the brain".
 */
package org.reprolab.reproductions.bdh;
