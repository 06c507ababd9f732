package org.airindex.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties over many concentrations, with plain loops and a fixed seed so a failure reproduces. */
class PropertyTest {
    private static final Standards S = Standards.loadDefault();

    /**
     * Non-decreasing, and continuous at reporting resolution: one step never jumps by more than the
     * steepest slope of the column allows (plus one for the ceiling), so there are no gaps at breakpoints.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2012", "2026", "2031"})
    void iaqiIsNonDecreasingAndContinuous(String id) {
        RuleSet rs = S.byId(id);
        for (Map.Entry<String, long[]> col : HandTables.columns(id).entrySet()) {
            long[] bp = col.getValue();
            double maxSlope = 0;
            for (int i = 1; i < bp.length; i++) {
                maxSlope = Math.max(maxSlope, (double) (HandTables.IAQI[i] - HandTables.IAQI[i - 1]) / (bp[i] - bp[i - 1]));
            }
            long maxJump = (long) Math.ceil(maxSlope) + 1;
            int previous = rs.iaqi(col.getKey(), 0);
            assertEquals(0, previous);
            for (long c = 1; c <= bp[bp.length - 1]; c++) {
                int now = rs.iaqi(col.getKey(), c / HandTables.scale(col.getKey()));
                assertTrue(now >= previous, id + " " + col.getKey() + " decreases at " + c);
                assertTrue(now - previous <= maxJump, id + " " + col.getKey() + " jumps at " + c);
                previous = now;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2012", "2026"})
    void iaqiIsNonDecreasingForUnroundedValues(String id) {
        RuleSet rs = S.byId(id);
        Random random = new Random(20260301L);
        for (String column : HandTables.columns(id).keySet()) {
            long[] bp = HandTables.columns(id).get(column);
            double top = bp[bp.length - 1] / HandTables.scale(column);
            double[] c = new double[2000];
            for (int i = 0; i < c.length; i++) {
                c[i] = random.nextDouble() * top;
            }
            Arrays.sort(c);
            int previous = 0;
            for (double x : c) {
                int now = rs.iaqi(column, x);
                assertTrue(now >= previous, id + " " + column + " decreases at " + x);
                previous = now;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2012", "2026"})
    void aqiIsTheMaximumIaqiAndPrimaryAreTheMaxima(String id) {
        RuleSet rs = S.byId(id);
        Random random = new Random(633L);
        for (int i = 0; i < 5000; i++) {
            HourlyValues h = HourlyValues.builder()
                    .so2(random.nextDouble() * 1000).no2(random.nextDouble() * 500).co(random.nextDouble() * 20)
                    .o3(random.nextDouble() * 600).pm10(random.nextDouble() * 400).pm25(random.nextDouble() * 300)
                    .so2_24h(random.nextDouble() * 300).build();
            check(rs.hourlyAqi(h), h.toString());
            DailyValues d = DailyValues.of(random.nextDouble() * 300, random.nextDouble() * 300, random.nextDouble() * 20,
                    random.nextDouble() * 400, random.nextDouble() * 300, random.nextDouble() * 900,
                    random.nextDouble() * 1000);
            check(rs.dailyAqi(d), d.toString());
        }
    }

    private static void check(AqiResult r, String input) {
        int max = -1;
        for (String c : r.columns()) {
            max = Math.max(max, r.iaqi(c));
        }
        assertEquals(max, r.aqi(), input);
        List<String> expected = new ArrayList<>();
        if (max > 50) {
            for (Pollutant p : Pollutant.values()) {
                for (String c : r.columns()) {
                    if (c.startsWith(p.code()) && (c.length() == p.code().length() || c.charAt(p.code().length()) == '_')
                            && r.iaqi(c) == max && !expected.contains(p.code())) {
                        expected.add(p.code());
                    }
                }
            }
        }
        assertEquals(expected, r.primary(), input);
    }
}
