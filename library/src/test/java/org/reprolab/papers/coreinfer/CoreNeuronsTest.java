package org.reprolab.papers.coreinfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class CoreNeuronsTest {

    @Test
    void handComputedSentenceCore() {
        // Two tokens, four neurons; 4 positive entries, α = 1: k = 2 per token. Token 1 keeps {0, 2}, token 2
        // keeps {0, 1}: counts (2, 1, 1, 0); β = 0.5 keeps 2 neurons, 0 and then 1 (summed activation 3 > 1).
        float[] a = {5, 0, 1, 0, 4, 3, 0, 0};
        assertArrayEquals(new boolean[] {true, true, false, false}, CoreNeurons.sentenceCore(a, 4, 2, 1, 0.5));
    }

    @Test
    void onlyThePrefillRowsCount() {
        // The third row would make neuron 3 core, but only two tokens are the pre-fill.
        float[] a = {5, 0, 1, 0, 4, 3, 0, 0, 0, 0, 0, 9};
        assertArrayEquals(new boolean[] {true, true, false, false}, CoreNeurons.sentenceCore(a, 4, 2, 1, 0.5));
        assertArrayEquals(new boolean[] {true, false, false, false}, CoreNeurons.sentenceCore(a, 4, 3, 1, 0.25));
    }
}
