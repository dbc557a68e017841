/**
 * The reproduction contract: a paper card, named claims, ordered steps, and a result with one verdict per
 * claim. Reproductions are found with {@link java.util.ServiceLoader} through {@link org.reprolab.repro.Reproductions}.
 */
package org.reprolab.repro;
