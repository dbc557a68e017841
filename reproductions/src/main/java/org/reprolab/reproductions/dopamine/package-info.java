/** The reproduction of Ghasemlou (2026), "Dopamine: brain modes, not brains". */
package org.reprolab.reproductions.dopamine;
