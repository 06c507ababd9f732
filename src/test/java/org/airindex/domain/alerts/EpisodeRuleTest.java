package org.airindex.domain.alerts;

import static org.airindex.domain.alerts.RulesFixtures.H;
import static org.airindex.domain.alerts.RulesFixtures.R2026;
import static org.airindex.domain.alerts.RulesFixtures.RULES;
import static org.airindex.domain.alerts.RulesFixtures.ZONE;
import static org.airindex.domain.alerts.RulesFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.NavigableMap;
import java.util.TreeMap;
import org.airindex.domain.HourlyValues;
import org.junit.jupiter.api.Test;

class EpisodeRuleTest {
    private static final long T0 = at("2026-11-01T00:00");
    private static final String PLACE = "山西省/太原市/小店区";

    /** PM2.5 only, hours 1..n (end T0 + i h). */
    private static NavigableMap<Long, HourlyValues> pm25(double value, int n) {
        NavigableMap<Long, HourlyValues> m = new TreeMap<>();
        for (int i = 1; i <= n; i++) {
            m.put(T0 + i * H, HourlyValues.of(null, null, null, null, null, value));
        }
        return m;
    }

    private static Condition evalAt(NavigableMap<Long, HourlyValues> hours, int hour) {
        long t = T0 + hour * H;
        NavigableMap<Long, Integer> rolling = RollingAqi.series(u -> R2026, hours::get, t - 71 * H, t);
        return EpisodeRule.evaluate(RULES.episodes, rolling::get, PLACE, t, ZONE);
    }

    @Test
    void rollingAqiIsTheDailyAqiOfThe24HoursEndingAtT() {
        // PM2.5 24h 160 on 150..250 → 200..300: 200 + 10/100·100 = 210; the others missing, 210 > 100 is published.
        assertEquals(210, RollingAqi.at(R2026, pm25(160, 24)::get, T0 + 24 * H));
        assertEquals(210, RollingAqi.at(R2026, pm25(160, 20)::get, T0 + 20 * H), "20 valid hours make a 24-hour mean");
        assertNull(RollingAqi.at(R2026, pm25(160, 19)::get, T0 + 19 * H), "19 hours do not");
    }

    @Test
    void o3EntersAsTheMaxOfTheEightHourMeansEndingInThe24Hours() {
        NavigableMap<Long, HourlyValues> m = new TreeMap<>();
        for (int i = 1; i <= 31; i++) {
            m.put(T0 + i * H, HourlyValues.of(null, null, null, i == 31 ? 300.0 : 100.0, null, null));
        }
        // Only the 8h mean ending at 31 holds the 300: (7·100 + 300)/8 = 125, on 100..160 → 50..100:
        // 50 + 25/60·50 = 70.8 → 71. With the other pollutants missing, 71 ≤ 100 is not published.
        assertNull(RollingAqi.at(R2026, m::get, T0 + 31 * H));
        for (int i = 1; i <= 31; i++) {
            m.put(T0 + i * H, HourlyValues.of(null, null, null, i > 23 ? 300.0 : 100.0, null, 160.0));
        }
        // The 8h mean of hours 24..31 is 300: on 265..800 → 200..300: 200 + 35/535·100 = 206.5 → 207,
        // below PM2.5's 210.
        assertEquals(210, RollingAqi.at(R2026, m::get, T0 + 31 * H));
        for (int i = 1; i <= 31; i++) {
            m.put(T0 + i * H, HourlyValues.of(null, null, null, i > 23 ? 400.0 : 100.0, null, 160.0));
        }
        // 400 on 265..800: 200 + 135/535·100 = 225.2 → 226, above PM2.5's 210.
        assertEquals(226, RollingAqi.at(R2026, m::get, T0 + 31 * H));
    }

    @Test
    void yellowOrangeRedByTheRunsOfSection5() {
        // PM2.5 260: on 250..350 → 300..400: 300 + 10/100·100 = 310 from the 20th hour on.
        NavigableMap<Long, HourlyValues> m = pm25(260, 100);
        assertEquals(0, evalAt(m, 19).level());
        Condition yellow = evalAt(m, 20);
        assertEquals(1, yellow.level());
        assertEquals("yellow", yellow.levelName());
        assertEquals(T0 + 19 * H, yellow.since(), "the run above 150 began with hour 20");
        Condition.Text text = yellow.describe();
        assertTrue(text.zh().contains("观测，非预报"), text.zh());
        assertTrue(text.en().contains("observed, not a forecast"), text.en());
        assertTrue(text.values().contains("aqi_24h=310"), text.values());
        assertEquals(1, evalAt(m, 66).level(), "47 h above 200");
        assertEquals(2, evalAt(m, 67).level(), "48 h above 200: orange");
        assertEquals(2, evalAt(m, 90).level(), "71 h above 200");
        Condition red = evalAt(m, 91);
        assertEquals(3, red.level(), "72 h above 200 and (long since) 24 h above 300: red");
        assertEquals("red", red.levelName());
        assertEquals(T0 + 19 * H, red.since());
    }

    @Test
    void above150For48HoursIsYellowWithoutEverPassing200() {
        // PM2.5 120 on 115..150 → 150..200: 150 + 5/35·50 = 157.1 → 158.
        NavigableMap<Long, HourlyValues> m = pm25(120, 91);
        assertEquals(0, evalAt(m, 66).level(), "47 h above 150");
        assertEquals(1, evalAt(m, 67).level());
        assertEquals(1, evalAt(m, 90).level(), "71 h above 150");
        assertEquals(2, evalAt(m, 91).level(), "72 h above 150: orange");
    }
}
