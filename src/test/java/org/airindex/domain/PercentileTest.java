package org.airindex.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentileTest {
    @Test
    void standardExample() {
        // k = 1 + 5·0.9 = 5.5, X(5) = 5, X(6) = 8: 5 + 3·0.5 = 6.5
        assertEquals(6.5, Percentile.of(new double[] {2, 3, 4, 4, 5, 8}, 0.9));
        assertEquals(6.5, Percentile.of(new double[] {8, 4, 2, 5, 4, 3}, 0.9), "input order does not matter");
    }

    @Test
    void kIsExactSoAWholeKTakesThatValue() {
        double[] x = new double[21];
        for (int i = 0; i < 21; i++) {
            x[i] = i + 1;
        }
        // k = 1 + 20·0.95 = 20 exactly (in binary 20·0.95 is 18.999999999999996)
        assertEquals(20.0, Percentile.of(x, 0.95));
        assertEquals(10.5, Percentile.of(new double[] {10, 11}, 0.5));
    }

    @Test
    void edges() {
        assertEquals(7.0, Percentile.of(new double[] {7}, 0.95));
        assertEquals(9.0, Percentile.of(new double[] {1, 9, 3}, 1.0));
        assertEquals(1.0, Percentile.of(new double[] {1, 9, 3}, 0.0));
        assertThrows(IllegalArgumentException.class, () -> Percentile.of(new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Percentile.of(new double[] {1}, 1.5));
    }

    @Test
    void monthlyPercentileSkipsInvalidValues() {
        Validity v = Standards.loadDefault().byId("2026").validity();
        Statistic s = Statistics.monthlyPercentile(Pollutant.CO, YearMonth.of(2026, 3),
                java.util.Arrays.asList(2.0, 3.0, null, 4.0, -1.0, 4.0, 5.0, 8.0), 0.9, v);
        assertEquals(6.5, s.value());
        assertEquals(6, s.validCount());
        assertEquals(1, s.invalidCount());
        assertEquals(false, s.valid());
        assertEquals(List.of(2.0, 3.0), Statistics.validValues(Pollutant.CO, List.of(2.0, 3.0), v));
    }
}
