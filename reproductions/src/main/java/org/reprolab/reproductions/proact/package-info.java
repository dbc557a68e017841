/**
 * The reproduction of Mousavi et al. (2024), "ProAct: Progressive training for hybrid clipped activation function
 * to enhance resilience of DNNs".
 */
package org.reprolab.reproductions.proact;
