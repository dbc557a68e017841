package org.reprolab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Parses the installed datasets (data-scripts/get-data.sh installs them before the tests). */
class DatasetsTest {

    @Test
    void fashionMnistTestSetHasTenBalancedClasses() {
        LabeledData test = FashionMnist.test();
        assertEquals(10_000, test.size());
        assertEquals(784, test.features());
        assertArrayEquals(new int[] {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}, test.classCounts());
        assertEquals(9, test.label(0)); // the first test image is an ankle boot
    }

    @Test
    void sklearnTablesHaveTheirDocumentedShapes() {
        LabeledData iris = SklearnDatasets.load("iris");
        assertEquals(150, iris.size());
        assertEquals(4, iris.features());
        assertArrayEquals(new int[] {50, 50, 50}, iris.classCounts());
        assertEquals(5.1f, iris.feature(0, 0));
        LabeledData digits = SklearnDatasets.load("digits");
        assertEquals(1797, digits.size());
        assertEquals(64, digits.features());
        assertEquals(178, SklearnDatasets.load("wine").size());
        assertEquals(569, SklearnDatasets.load("breast_cancer").size());
    }

    @Test
    void mlbenchTablesAreEncoded() {
        LabeledData sonar = UciTables.load("Sonar");
        assertEquals(208, sonar.size());
        assertEquals(60, sonar.features());
        assertEquals(2, sonar.classes());
        // BreastCancer: 699 rows, 16 have a missing value; the Id column is dropped.
        LabeledData bc = UciTables.load("BreastCancer");
        assertEquals(683, bc.size());
        assertEquals(2, bc.classes());
        // Zoo's booleans become 0/1 features.
        LabeledData zoo = UciTables.load("Zoo");
        assertEquals(101, zoo.size());
        assertEquals(7, zoo.classes());
        // Vehicle's header has names that differ only in case (Sc.Var.Maxis, Sc.Var.maxis): all 18 kept.
        LabeledData vehicle = UciTables.load("Vehicle");
        assertEquals(846, vehicle.size());
        assertEquals(18, vehicle.features());
        assertEquals(4, vehicle.classes());
    }

    @Test
    void everyMlbenchTableLoads() {
        for (String name : UciTables.names()) {
            assertTrue(UciTables.load(name).size() > 0, name);
        }
    }

    @Test
    void headerNamesAreMadeDistinctIgnoringCase() {
        assertEquals("\"a\",\"A_2\",b,a_3,B_2\n1,2,3,4,5\n",
                UciTables.withDistinctHeader("\"a\",\"A\",b,a,B\n1,2,3,4,5\n"));
        assertEquals("x,y", UciTables.withDistinctHeader("x,y"));
    }

    @Test
    void npmMnistDigitsAreTenThousandImages() {
        LabeledData d = MnistDigits.all();
        assertEquals(10_000, d.size());
        assertEquals(784, d.features());
        assertTrue(d.classCounts()[0] > 500);
    }
}
