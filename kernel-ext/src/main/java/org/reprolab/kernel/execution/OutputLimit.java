package org.reprolab.kernel.execution;

import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * How much of a cell's stdout and stderr goes to the notebook, and where the whole output goes once that is
 * exceeded.
 *
 * @param bytes the most bytes a cell sends to the notebook; 0 for no limit
 * @param dir the folder of the files that keep the whole output of cells that passed the limit
 */
public record OutputLimit(long bytes, Path dir) {

    /** No limit. */
    public static final OutputLimit NONE = new OutputLimit(0, null);

    /** The limit in megabytes (10^6 bytes), as {@code REPROLAB_OUTPUT_LIMIT_MB} gives it. */
    public String megabytes() {
        return BigDecimal.valueOf(bytes, 6).stripTrailingZeros().toPlainString();
    }

    /** {@code mb} megabytes as text: {@code 10}, {@code 0.5}. */
    public static String format(double mb) {
        return BigDecimal.valueOf(mb).stripTrailingZeros().toPlainString();
    }
}
