package org.airindex.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BreakpointTablesTest {
    private static final Standards STANDARDS = Standards.loadDefault();

    @ParameterizedTest
    @ValueSource(strings = {"2012", "2026", "2031"})
    void everyBreakpointGivesItsLevel(String id) {
        RuleSet rs = STANDARDS.byId(id);
        for (Map.Entry<String, long[]> col : HandTables.columns(id).entrySet()) {
            long[] bp = col.getValue();
            for (int i = 0; i < bp.length; i++) {
                double c = bp[i] / HandTables.scale(col.getKey());
                assertEquals(HandTables.IAQI[i], rs.iaqi(col.getKey(), c), id + " " + col.getKey() + " at " + c);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2012", "2026", "2031"})
    void everySegmentInterpolatesAndRoundsUp(String id) {
        RuleSet rs = STANDARDS.byId(id);
        for (Map.Entry<String, long[]> col : HandTables.columns(id).entrySet()) {
            long[] bp = col.getValue();
            for (int i = 1; i < bp.length; i++) {
                // one step above the lower breakpoint, a third of the way, and one step below the upper one
                long[] probes = {bp[i - 1] + 1, bp[i - 1] + (bp[i] - bp[i - 1]) / 3, bp[i] - 1};
                for (long c : probes) {
                    double conc = c / HandTables.scale(col.getKey());
                    assertEquals(HandTables.iaqi(bp, c), rs.iaqi(col.getKey(), conc),
                            id + " " + col.getKey() + " segment " + i + " at " + conc);
                }
            }
        }
    }

    @Test
    void aboveTheTopOfAPlainColumnIs500() {
        RuleSet r2012 = STANDARDS.byId("2012");
        assertEquals(500, r2012.iaqi("pm25_24h", 501));
        assertEquals(500, r2012.iaqi("co_1h", 150.1));
        assertEquals(500, r2012.iaqi("so2_24h", 9999));
        assertEquals(500, STANDARDS.byId("2026").iaqi("pm10_24h", 601));
    }

    @Test
    void handWorkedExamplesRoundUpNotToNearest() {
        RuleSet r2012 = STANDARDS.byId("2012");
        RuleSet r2026 = STANDARDS.byId("2026");
        // PM2.5 36 (2012): 50 + 50/40·1 = 51.25 → 52 (nearest would give 51)
        assertEquals(52, r2012.iaqi("pm25_24h", 36));
        // PM2.5 61 (2026): 100 + 50/55·1 = 100.9 → 101; same value under 2012: 50 + 50/40·26 = 82.5 → 83
        assertEquals(101, r2026.iaqi("pm25_24h", 61));
        assertEquals(83, r2012.iaqi("pm25_24h", 61));
        // PM10 130: 2012 50 + 50/100·80 = 90; 2026 100 + 50/130·10 = 103.8 → 104
        assertEquals(90, r2012.iaqi("pm10_24h", 130));
        assertEquals(104, r2026.iaqi("pm10_24h", 130));
        // SO2 1h 10: 50/150·10 = 3.33 → 4; SO2 24h 10: 50/50·10 = 10
        assertEquals(4, r2012.iaqi("so2_1h", 10));
        assertEquals(10, r2012.iaqi("so2_24h", 10));
        // O3 8h 161: 100 + 50/55·1 = 100.9 → 101
        assertEquals(101, r2026.iaqi("o3_8h", 161));
        // CO 24h 4.1 (2012): 100 + 50/10·0.1 = 100.5 → 101
        assertEquals(101, r2012.iaqi("co_24h", 4.1));
        // exactly on a segment: 2012 PM2.5 55 = 50 + 50/40·20 = 75 exactly, stays 75
        assertEquals(75, r2012.iaqi("pm25_24h", 55));
    }
}
