package org.airindex.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PercentileTest {
    private static double percentile(double[] values, double p) {
        return Percentile.exact(java.util.Arrays.stream(values).boxed().toList(), p).doubleValue();
    }

    @Test
    void standardExample() {
        // k = 1 + 5·0.9 = 5.5, X(5) = 5, X(6) = 8: 5 + 3·0.5 = 6.5
        assertEquals(6.5, percentile(new double[] {2, 3, 4, 4, 5, 8}, 0.9));
        assertEquals(6.5, percentile(new double[] {8, 4, 2, 5, 4, 3}, 0.9), "input order does not matter");
    }

    @Test
    void kIsExactSoAWholeKTakesThatValue() {
        double[] x = new double[21];
        for (int i = 0; i < 21; i++) {
            x[i] = i + 1;
        }
        // k = 1 + 20·0.95 = 20 exactly (in binary 20·0.95 is 18.999999999999996)
        assertEquals(20.0, percentile(x, 0.95));
        assertEquals(10.5, percentile(new double[] {10, 11}, 0.5));
    }

    @Test
    void edges() {
        assertEquals(7.0, percentile(new double[] {7}, 0.95));
        assertEquals(9.0, percentile(new double[] {1, 9, 3}, 1.0));
        assertEquals(1.0, percentile(new double[] {1, 9, 3}, 0.0));
        assertThrows(IllegalArgumentException.class, () -> percentile(new double[0], 0.5));
        assertThrows(IllegalArgumentException.class, () -> percentile(new double[] {1}, 1.5));
    }

    @Test
    void monthlyPercentileSkipsInvalidValues() {
        Validity v = Standards.loadDefault().byId("2026").validity();
        Statistic s = Statistics.monthlyPercentile(Pollutant.CO, YearMonth.of(2026, 3),
                Arrays.asList(2.0, 3.0, null, 4.0, -1.0, 4.0, 5.0, 8.0), 0.9, v);
        assertEquals(6.5, s.value());
        assertEquals(6, s.validCount());
        assertEquals(1, s.invalidCount());
        assertEquals(false, s.valid());
        assertEquals(List.of(2.0, 3.0), Statistics.validValues(Pollutant.CO, List.of(2.0, 3.0), v));
    }

    @Test
    void periodValuesFromDailySeries() {
        RuleSet rs = Standards.loadDefault().byId("2026");
        List<Double> co = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            co.add(i / 10.0);
        }
        Map<Pollutant, List<Double>> daily = new EnumMap<>(Pollutant.class);
        daily.put(Pollutant.SO2, Arrays.asList(10.0, 20.0, null, 30.0));
        daily.put(Pollutant.NO2, List.of(40.0));
        daily.put(Pollutant.PM10, List.of(60.0, 61.0));
        daily.put(Pollutant.CO, co);
        daily.put(Pollutant.O3, List.of(2.0, 3.0, 4.0, 4.0, 5.0, 8.0));
        PeriodValues p = Statistics.periodValues(rs, daily);
        assertEquals(Exact.of(20, 1), p.so2());
        assertEquals(Exact.of(40, 1), p.no2());
        assertEquals(Exact.of(121, 2), p.pm10());
        assertEquals(null, p.pm25(), "no PM2.5 series");
        // CO p95 of 0.1..2.1: k = 1 + 20·0.95 = 20 → 2.0; O3 p90 of the example → 6.5
        assertEquals(Exact.of(2, 1), p.co_p95());
        assertEquals(Exact.of(13, 2), p.o3_8h_p90());
    }

    @Test
    void hourlyValueNeeds45Minutes() {
        Validity v = Standards.loadDefault().byId("2026").validity();
        List<Double> minutes = new ArrayList<>(Collections.nCopies(60, (Double) null));
        for (int i = 0; i < 44; i++) {
            minutes.set(i, 12.0);
        }
        assertEquals(false, Statistics.hourlyMean(Pollutant.PM25, minutes, v).valid());
        minutes.set(44, 12.0);
        assertEquals(true, Statistics.hourlyMean(Pollutant.PM25, minutes, v).valid());
    }
}
