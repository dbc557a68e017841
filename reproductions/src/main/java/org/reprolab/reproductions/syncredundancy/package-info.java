/**
 * The reproduction of Bouvrie and Slotine (2011), "Synchronization and redundancy: implications for robustness of
 * neural learning and decision making".
 */
package org.reprolab.reproductions.syncredundancy;
