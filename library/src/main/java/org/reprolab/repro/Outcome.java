package org.reprolab.repro;

/**
 * A verdict's three states. A claim about random samples is decided by its interval: PASS when the whole
 * interval meets the criterion, FAIL when the whole interval misses it, INCONCLUSIVE when it straddles the
 * criterion (the noise is larger than the margin). INCONCLUSIVE is counted apart, never as a pass.
 */
public enum Outcome {
    /** The criterion holds (for the whole interval). */
    PASS,
    /** The criterion fails (for the whole interval). */
    FAIL,
    /** The interval straddles the criterion: this run cannot decide. */
    INCONCLUSIVE
}
