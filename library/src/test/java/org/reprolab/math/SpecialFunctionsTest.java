package org.reprolab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {

    // Reference values from high-precision tables (e.g. mpmath, 17 digits).
    @Test
    void erfMatchesReferenceValuesToFifteenDigits() {
        assertEquals(0.5204998778130465, SpecialFunctions.erf(0.5), 2e-16);
        assertEquals(0.8427007929497149, SpecialFunctions.erf(1.0), 3e-16);
        assertEquals(0.9953222650189527, SpecialFunctions.erf(2.0), 3e-16);
        assertEquals(-0.8427007929497149, SpecialFunctions.erf(-1.0), 3e-16);
        assertEquals(0.0, SpecialFunctions.erf(0.0), 0);
    }

    @Test
    void erfcIsAccurateInTheTail() {
        assertEquals(0.15729920705028513, SpecialFunctions.erfc(1.0), 3e-16);
        assertEquals(4.677734981047266e-3, SpecialFunctions.erfc(2.0), 1e-17);
        assertEquals(7.430983723414128e-7, SpecialFunctions.erfc(3.5), 7.4e-7 * 1e-13);
        assertEquals(1.5374597944280349e-12, SpecialFunctions.erfc(5.0), 1.5e-12 * 1e-13);
        assertEquals(1.8427007929497148, SpecialFunctions.erfc(-1.0), 1e-15);
    }

    @Test
    void erfAndErfcAreContinuousWhereTheAlgorithmsMeet() {
        double below = SpecialFunctions.erfc(1.5 - 1e-12);
        double above = SpecialFunctions.erfc(1.5 + 1e-12);
        assertEquals(below, above, 5e-13); // the true change over 2e-12 is 2.4e-13
        assertEquals(2.209049699858544e-5, SpecialFunctions.erfc(3.0), 2.2e-5 * 1e-13);
        assertEquals(0.004677734981047266, SpecialFunctions.erfc(2.0), 0.0047 * 1e-13);
        assertEquals(0.033894853524689274, SpecialFunctions.erfc(1.5), 0.034 * 1e-13);
    }

    @Test
    void normalCdfIsHalfAtZeroAndSymmetric() {
        assertEquals(0.5, SpecialFunctions.normalCdf(0), 3e-16);
        assertEquals(0.8413447460685429, SpecialFunctions.normalCdf(1), 1e-15);
        assertEquals(1, SpecialFunctions.normalCdf(1.3) + SpecialFunctions.normalCdf(-1.3), 1e-15);
    }
}
