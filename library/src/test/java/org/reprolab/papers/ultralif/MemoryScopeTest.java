package org.reprolab.papers.ultralif;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryScopeTest {

    /** A forward and backward pass in a batch scope leaves nothing behind in the parameters' manager. */
    @Test
    void forwardAndBackwardLeaveNoArraysInTheParameterManager() {
        org.reprolab.spiking.MemoryScopeTest.assertBatchesLeaveNoArraysInTheParameterManager(List.of(
                UltraLif.builder().build(), UltraLif.plifBuilder().build(),
                UltraLif.builder().optLearnableEpsilon(false).build(), UltraDlif.builder().build()));
    }
}
