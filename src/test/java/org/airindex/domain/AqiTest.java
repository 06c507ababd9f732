package org.airindex.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AqiTest {
    private static final Standards S = Standards.loadDefault();
    private static final RuleSet R2012 = S.byId("2012");
    private static final RuleSet R2026 = S.byId("2026");

    @Test
    void hourlyUsesOneHourColumnsAndPmOnTheDailyColumns() {
        AqiResult r = R2026.hourlyAqi(HourlyValues.of(10.0, 20.0, 0.8, 50.0, 60.0, 61.0));
        // so2 50/150·10 → 4; no2 50/100·20 = 10; co 50/5·0.8 = 8; o3 50/160·50 → 16;
        // pm10 (2026) 50 + 50/70·10 → 58; pm25 (2026) 100 + 50/55·1 → 101
        assertEquals(4, r.iaqi("so2"));
        assertEquals(10, r.iaqi("no2"));
        assertEquals(8, r.iaqi("co"));
        assertEquals(16, r.iaqi("o3"));
        assertEquals(58, r.iaqi("pm10"));
        assertEquals(101, r.iaqi("pm25"));
        assertEquals(101, r.aqi());
        assertEquals(Category.LIGHTLY_POLLUTED, r.category());
        assertEquals(List.of("pm25"), r.primary());
        assertFalse(r.overRange());
        assertEquals(List.of("so2", "no2", "co", "o3", "pm10", "pm25"), r.columns());
    }

    @Test
    void dailyUnder2012AddsO3OneHourMaxAnd2026DoesNot() {
        DailyValues d = DailyValues.of(10.0, 20.0, 1.0, 60.0, 40.0, 100.0, 100.0);
        AqiResult a = R2012.dailyAqi(d);
        // so2 24h 10; no2 24h 50/40·20 = 25; co 24h 50/2·1 = 25; pm10 55; pm25 (2012) 50 + 50/40·5 = 56.25 → 57;
        // o3 8h 50/100·100 = 50; o3 1h 50/160·100 = 31.25 → 32
        assertEquals(10, a.iaqi("so2"));
        assertEquals(25, a.iaqi("no2"));
        assertEquals(25, a.iaqi("co"));
        assertEquals(55, a.iaqi("pm10"));
        assertEquals(57, a.iaqi("pm25"));
        assertEquals(50, a.iaqi("o3"));
        assertEquals(32, a.iaqi("o3_1h"));
        assertEquals(57, a.aqi());
        assertEquals(List.of("pm25"), a.primary());

        AqiResult b = R2026.dailyAqi(d);
        assertNull(b.iaqi("o3_1h"));
        assertFalse(b.columns().contains("o3_1h"));
        // pm25 (2026) 50 + 50/25·5 = 60
        assertEquals(60, b.aqi());
    }

    @Test
    void tiesListEveryPrimaryPollutant() {
        // pm10 150 and pm25 75 are both IAQI 100 under 2012
        AqiResult r = R2012.dailyAqi(DailyValues.of(10.0, 20.0, 1.0, 150.0, 75.0, 100.0, 100.0));
        assertEquals(100, r.aqi());
        assertEquals(List.of("pm10", "pm25"), r.primary());
        assertEquals("pm10;pm25", r.primaryJoined());
    }

    @Test
    void o3IsListedOnceWhenBothItsStatisticsTie() {
        // o3 8h 160 → 100, o3 1h 200 → 100, pm25 75 → 100
        AqiResult r = R2012.dailyAqi(DailyValues.of(10.0, 20.0, 1.0, 50.0, 75.0, 160.0, 200.0));
        assertEquals(100, r.aqi());
        assertEquals(List.of("o3", "pm25"), r.primary());
    }

    @Test
    void noPrimaryPollutantUpTo50() {
        AqiResult at50 = R2012.hourlyAqi(HourlyValues.of(5.0, 5.0, 0.1, 5.0, 50.0, 5.0));
        assertEquals(50, at50.aqi());
        assertEquals(Category.GOOD, at50.category());
        assertTrue(at50.primary().isEmpty());
        assertEquals("", at50.primaryJoined());
        // pm10 51: 50 + 50/100·1 = 50.5 → 51
        AqiResult at51 = R2012.hourlyAqi(HourlyValues.of(5.0, 5.0, 0.1, 5.0, 51.0, 5.0));
        assertEquals(51, at51.aqi());
        assertEquals(List.of("pm10"), at51.primary());
    }

    @Test
    void so2OneHourOverRange2012UsesThe24hMean() {
        HourlyValues v = HourlyValues.builder().so2(900.0).no2(20.0).co(0.5).o3(50.0).pm10(50.0).pm25(30.0)
                .so2_24h(200.0).build();
        AqiResult r = R2012.hourlyAqi(v);
        // SO2 24h 200 lies in 150..475 (IAQI 100..150): 100 + 50/325·50 = 107.7 → 108
        assertEquals(108, r.iaqi("so2"));
        assertEquals(108, r.aqi());
        assertEquals(List.of("so2"), r.primary());
        assertTrue(r.overRange());
    }

    @Test
    void so2OneHourOverRange2012WithoutThe24hMeanIsMissing() {
        HourlyValues v = HourlyValues.of(900.0, 20.0, 0.5, 50.0, 50.0, 30.0);
        AqiResult r = R2012.hourlyAqi(v);
        assertNull(r.iaqi("so2"));
        assertEquals(List.of("so2"), r.missing());
        assertNull(r.aqi(), "others give 50, so the publication rule says NA");
        assertTrue(r.overRange());
    }

    @Test
    void so2OneHourOverRange2026Is200() {
        AqiResult r = R2026.hourlyAqi(HourlyValues.of(801.0, 20.0, 0.5, 50.0, 50.0, 30.0));
        assertEquals(200, r.iaqi("so2"));
        assertEquals(200, r.aqi());
        assertEquals(Category.MODERATELY_POLLUTED, r.category());
        assertTrue(r.overRange());
        // 800 itself is the top of the column, not over range
        AqiResult top = R2026.hourlyAqi(HourlyValues.of(800.0, 20.0, 0.5, 50.0, 50.0, 30.0));
        assertEquals(200, top.iaqi("so2"));
        assertFalse(top.overRange());
    }

    @Test
    void o3EightHourOverRange2012UsesTheOneHourValue() {
        // O3 1h 900: 300 + 100/200·100 = 350
        AqiResult r = R2012.dailyAqi(DailyValues.of(10.0, 20.0, 1.0, 50.0, 30.0, 850.0, 900.0));
        assertEquals(350, r.iaqi("o3"));
        assertEquals(350, r.iaqi("o3_1h"));
        assertEquals(350, r.aqi());
        assertEquals(List.of("o3"), r.primary());
        assertTrue(r.overRange());
    }

    @Test
    void o3EightHourOverRange2026Is300() {
        AqiResult r = R2026.dailyAqi(DailyValues.of(10.0, 20.0, 1.0, 50.0, 30.0, 850.0, null));
        assertEquals(300, r.iaqi("o3"));
        assertEquals(300, r.aqi());
        assertEquals(Category.HEAVILY_POLLUTED, r.category());
        assertTrue(r.overRange());
    }

    @Test
    void aboveTheTopOfAColumnIs500AndFlagged() {
        AqiResult r = R2026.hourlyAqi(HourlyValues.of(10.0, 20.0, 0.5, 50.0, 50.0, 501.0));
        assertEquals(500, r.iaqi("pm25"));
        assertEquals(500, r.aqi());
        assertEquals(Category.SEVERELY_POLLUTED, r.category());
        assertTrue(r.overRange());
    }

    @Test
    void missingPollutantPublishesOnlyAbove100() {
        // no2 missing; pm25 61 (2026) → 101: published
        AqiResult above = R2026.hourlyAqi(HourlyValues.of(10.0, null, 0.8, 50.0, 60.0, 61.0));
        assertEquals(101, above.aqi());
        assertEquals(List.of("pm25"), above.primary());
        assertEquals(List.of("no2"), above.missing());
        // pm25 60 → exactly 100: NA, sub-indices still there
        AqiResult at100 = R2026.hourlyAqi(HourlyValues.of(10.0, null, 0.8, 50.0, 60.0, 60.0));
        assertNull(at100.aqi());
        assertNull(at100.category());
        assertTrue(at100.primary().isEmpty());
        assertEquals(100, at100.iaqi("pm25"));
        assertNull(at100.iaqi("no2"));
        // the same rule under 2012 (platform practice)
        assertNull(R2012.hourlyAqi(HourlyValues.of(10.0, 20.0, 0.8, 50.0, 60.0, null)).aqi());
    }

    @Test
    void missingO3OneHourMaxUnder2012CountsAsMissing() {
        AqiResult r = R2012.dailyAqi(DailyValues.of(10.0, 20.0, 1.0, 60.0, 40.0, 100.0, null));
        assertNull(r.aqi());
        assertEquals(List.of("o3_1h"), r.missing());
    }

    @Test
    void allMissingIsNa() {
        AqiResult r = R2026.hourlyAqi(HourlyValues.of(null, null, null, null, null, null));
        assertNull(r.aqi());
        assertEquals(6, r.missing().size());
    }

    @Test
    void movingPmOptionUsesThe24hMeansAndO3EightHour(@TempDir Path dir) throws IOException {
        Path conf = copyConf(dir);
        replace(conf.resolve("2012.yaml"), "realtime_pm: hourly", "realtime_pm: moving_24h");
        RuleSet moving = Standards.load(conf).byId("2012");
        assertEquals(RuleSet.RealtimePm.MOVING_24H, moving.realtimePm());
        HourlyValues v = HourlyValues.builder().so2(10.0).no2(20.0).co(0.5).o3(50.0).pm10(400.0).pm25(200.0)
                .pm10_24h(50.0).pm25_24h(75.0).o3_8h(161.0).build();
        AqiResult r = moving.hourlyAqi(v);
        // pm from the 24h means: pm10 50 → 50, pm25 75 → 100; o3 8h 161: 100 + 50/55·1 → 101
        assertEquals(50, r.iaqi("pm10"));
        assertEquals(100, r.iaqi("pm25"));
        assertEquals(101, r.iaqi("o3_8h"));
        assertEquals(16, r.iaqi("o3"));
        assertEquals(101, r.aqi());
        assertEquals(List.of("o3"), r.primary());
    }

    @Test
    void publicationRuleCanBeSwitchedOff(@TempDir Path dir) throws IOException {
        Path conf = copyConf(dir);
        replace(conf.resolve("2026.yaml"), "missing_publish_above: 100", "missing_publish_above: null");
        RuleSet r = Standards.load(conf).byId("2026");
        assertNull(r.missingPublishAbove());
        assertEquals(58, r.hourlyAqi(HourlyValues.of(10.0, null, 0.8, 50.0, 60.0, null)).aqi());
    }

    static Path copyConf(Path dir) throws IOException {
        try (var files = Files.list(Path.of("conf/standards"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    static void replace(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        if (!s.contains(from)) {
            throw new IllegalStateException(file + " has no '" + from + "'");
        }
        Files.writeString(file, s.replace(from, to));
    }
}
