package org.airindex.pipeline;

import static org.airindex.pipeline.Fixtures.ZONE;
import static org.airindex.pipeline.Fixtures.at;
import static org.airindex.pipeline.Fixtures.stationHour;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.airindex.records.DailyValue;
import org.airindex.records.HourlyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StationDailyTest {
    private static final Duration LATENESS = Duration.ofHours(2);
    private KeyedOneInputStreamOperatorTestHarness<Integer, HourlyValue, DailyValue> h;

    @BeforeEach
    void open() throws Exception {
        h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new StationDaily(RuleChoice.automatic(ZONE), LATENESS), v -> Keys.station(v.station), Types.INT);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private void send(HourlyValue v) throws Exception {
        h.processElement(v, v.hourEnd);
    }

    /** End of hour {@code hour} (1..24) of a local date: hour 24 ends at 00:00 of the next date. */
    private static String hourEnd(String date, int hour) {
        return LocalDate.parse(date).atStartOfDay().plusHours(hour).toString();
    }

    /** Sends hours 1..24 of a date built by {@code hourly} (null = the hour is not sent). */
    private void sendDay(String date, IntFunction<HourlyValue> hourly) throws Exception {
        for (int hour = 1; hour <= 24; hour++) {
            HourlyValue v = hourly.apply(hour);
            if (v != null) {
                send(v);
            }
        }
    }

    private static long midnightAfter(String date) {
        return at(LocalDate.parse(date).plusDays(1) + "T00:00");
    }

    @Test
    void aDayClosesWhenTheWatermarkPassesLocalMidnightAndHour24BelongsToIt() throws Exception {
        String date = "2026-01-10";
        // PM2.5 30 in hours 1..23 and 54 in hour 24 (stamped 2026-01-11T00:00);
        // O3 40 except 200 in hours 13..16.
        sendDay(date, hour -> stationHour("A1", hourEnd(date, hour), 8.0, 30.0, 0.8,
                hour >= 13 && hour <= 16 ? 200.0 : 40.0, 60.0, hour == 24 ? 54.0 : 30.0));
        // Hour 1 of the next day must not enter 2026-01-10.
        send(stationHour("A1", "2026-01-11T01:00", null, null, null, null, null, 1000.0));

        h.processWatermark(at("2026-01-11T00:00") - 1);
        assertTrue(h.extractOutputValues().isEmpty(), "the day is open until local midnight");
        // Local midnight is 16:00 UTC: a UTC day would not close here.
        h.processWatermark(at("2026-01-11T00:00"));
        List<DailyValue> out = h.extractOutputValues();
        assertEquals(1, out.size());
        DailyValue d = out.get(0);
        assertEquals("2026-01-10", d.date);
        assertEquals(at("2026-01-11T00:00"), d.dayEnd);
        assertEquals("station", d.level);
        assertEquals("A1", d.station);
        assertEquals("小店区", d.county);
        assertEquals("太原市", d.city);
        assertEquals(8.0, d.so2, 1e-9);
        assertEquals(30.0, d.no2, 1e-9);
        assertEquals(0.8, d.co, 1e-9);
        assertEquals(60.0, d.pm10, 1e-9);
        assertEquals(31.0, d.pm25, 1e-9); // (23*30 + 54) / 24 = 744 / 24
        // 8h windows ending 16..20 hold all four 200s: (4*200 + 4*40) / 8 = 120; no window holds more.
        assertEquals(120.0, d.o3, 1e-9);
        assertEquals(200.0, d.o3OneHourMax, 1e-9);
        assertTrue(d.valid);
        assertEquals(1, d.stations);
        // January 2026: rule-set 2012, whose daily AQI includes the O3 max 1h.
        assertEquals("2012", d.rules);
        assertEquals(8, d.iaqiSo2);        // 8/50*50
        assertEquals(38, d.iaqiNo2);       // 30/40*50 = 37.5 -> 38
        assertEquals(20, d.iaqiCo);        // 0.8/2*50
        assertEquals(55, d.iaqiPm10);      // 50 + (60-50)/(150-50)*50
        assertEquals(45, d.iaqiPm25);      // 31/35*50 = 44.3 -> 45
        assertEquals(67, d.iaqiO3);        // O3 8h 120: 50 + (120-100)/(160-100)*50 = 66.7 -> 67
        assertEquals(100, d.iaqiO3OneHour); // O3 1h 200: 50 + (200-160)/(200-160)*50
        assertEquals(100, d.aqi);
        assertEquals("良", d.category);
        assertEquals("o3", d.primary);

        h.processWatermark(at("2026-01-12T00:00"));
        List<DailyValue> all = h.extractOutputValues();
        assertEquals(2, all.size());
        assertEquals("2026-01-11", all.get(1).date);
        assertNull(all.get(1).pm25, "one hour is not a valid day");
    }

    @Test
    void aDailyMeanNeeds20ValidHours() throws Exception {
        String date = "2026-01-10";
        // PM2.5 10*hour in hours 1..20; SO2 in hours 1..19 only; nothing else.
        sendDay(date, hour -> hour > 20 ? null
                : stationHour("A1", hourEnd(date, hour), hour <= 19 ? 5.0 : null, null, null, null, null, 10.0 * hour));
        h.processWatermark(midnightAfter(date));
        DailyValue d = h.extractOutputValues().get(0);
        assertEquals(105.0, d.pm25, 1e-9); // 10 * (1+...+20)/20 = 10 * 10.5
        assertNull(d.so2, "19 valid hours");
        assertNull(d.no2);
        assertNull(d.o3);
        assertNull(d.o3OneHourMax);
        assertFalse(d.valid);
        assertEquals(1, d.stations);
        // Pollutants missing: the AQI is published only when already > 100.
        // PM2.5 105 (2012): 100 + (105-75)/(115-75)*50 = 137.5 -> 138.
        assertEquals(138, d.iaqiPm25);
        assertEquals(138, d.aqi);
        assertEquals("轻度污染", d.category);
        assertEquals("pm25", d.primary);
    }

    @Test
    void o3DailyMax8hNeeds14WindowsOfTheWindowsEndingAt8To24() throws Exception {
        // Station A1: O3 5*hour in hours 1..19. A window ending at t is valid with >= 6 valid hours of
        // t-7..t, i.e. t <= 21: windows 8..21 = 14 valid. Max: window 21 = hours 14..19 = 5*16.5 = 82.5.
        // Station A2: hours 1..18: windows 8..20 = 13, max (window 20 = hours 13..18) 5*15.5 = 77.5.
        // Station B1: O3 12*hour in hours 1..18: 13 windows, but the max (window 20 = hours 13..18)
        // 12*15.5 = 186 exceeds 160, so it stands.
        String date = "2026-01-10";
        sendDay(date, hour -> hour > 19 ? null : o3("A1", hourEnd(date, hour), 5.0 * hour));
        sendDay(date, hour -> hour > 18 ? null : o3("A2", hourEnd(date, hour), 5.0 * hour));
        sendDay(date, hour -> hour > 18 ? null : o3("B1", hourEnd(date, hour), 12.0 * hour));
        h.processWatermark(midnightAfter(date));
        List<DailyValue> out = h.extractOutputValues();
        assertEquals(3, out.size());
        DailyValue a1 = byStation(out, "A1");
        DailyValue a2 = byStation(out, "A2");
        DailyValue b1 = byStation(out, "B1");
        assertEquals(82.5, a1.o3, 1e-9);
        assertNull(a2.o3, "13 windows and a max of 77.5 <= 160");
        assertEquals(186.0, b1.o3, 1e-9);
        // The max 1h value needs 20 valid hours like a daily mean; 19 and 18 are too few.
        assertNull(a1.o3OneHourMax);
        assertNull(b1.o3OneHourMax);
    }

    @Test
    void o3DailyMaxIgnoresWindowsEndingBeforeHour8() throws Exception {
        // O3 300 in hours 1..4, then 20 in hours 5..24. Windows ending at 8..24 only:
        // window 8 = hours 1..8 = (4*300 + 4*20)/8 = 160; later windows hold fewer 300s.
        // A window ending at hour 6 (hours 1..6, 6 valid) would give (4*300 + 2*20)/6 = 206.7: not counted.
        String date = "2026-01-10";
        sendDay(date, hour -> o3("A1", hourEnd(date, hour), hour <= 4 ? 300.0 : 20.0));
        h.processWatermark(midnightAfter(date));
        DailyValue d = h.extractOutputValues().get(0);
        assertEquals(160.0, d.o3, 1e-9);
        assertEquals(300.0, d.o3OneHourMax, 1e-9);
    }

    @Test
    void theRuleSetFollowsTheDateOfTheDay() throws Exception {
        // Same hours on 2026-02-28 (2012) and 2026-03-01 (2026); hour 24 of 02-28 is stamped 03-01T00:00.
        for (String date : List.of("2026-02-28", "2026-03-01")) {
            sendDay(date, hour -> stationHour("A1", hourEnd(date, hour), 8.0, 30.0, 0.8, 40.0, 100.0, 50.0));
        }
        h.processWatermark(midnightAfter("2026-03-01"));
        List<DailyValue> out = h.extractOutputValues();
        assertEquals(2, out.size());
        DailyValue feb = out.get(0);
        DailyValue mar = out.get(1);
        assertEquals("2026-02-28", feb.date);
        assertEquals("2012", feb.rules);
        assertEquals(75, feb.iaqiPm10);    // 50 + (100-50)/(150-50)*50
        assertEquals(69, feb.iaqiPm25);    // 50 + (50-35)/(75-35)*50 = 68.75 -> 69
        assertEquals(13, feb.iaqiO3OneHour); // 40/160*50 = 12.5 -> 13
        assertEquals(75, feb.aqi);
        assertEquals("pm10", feb.primary);

        assertEquals("2026-03-01", mar.date);
        assertEquals("2026", mar.rules);
        assertEquals(86, mar.iaqiPm10);    // 50 + (100-50)/(120-50)*50 = 85.7 -> 86
        assertEquals(80, mar.iaqiPm25);    // 50 + (50-35)/(60-35)*50
        assertNull(mar.iaqiO3OneHour, "HJ 633-2026 drops the O3 1h from the daily AQI");
        assertEquals(20, mar.iaqiO3);      // 40/100*50
        assertEquals(86, mar.aqi);
        assertEquals("pm10", mar.primary);
    }

    @Test
    void aCorrectedHourReEmitsTheDayWithinLatenessAndStateIsClearedAfter() throws Exception {
        String date = "2026-01-10";
        sendDay(date, hour -> stationHour("A1", hourEnd(date, hour), null, null, null, null, null, 30.0));
        h.processWatermark(at("2026-01-11T01:00"));
        List<DailyValue> out = h.extractOutputValues();
        assertEquals(1, out.size());
        assertEquals(30.0, out.get(0).pm25, 1e-9);

        // Hour 10 re-sent with 78 within the 2 h lateness: (23*30 + 78)/24 = 768/24 = 32.
        send(stationHour("A1", hourEnd(date, 10), null, null, null, null, null, 78.0));
        out = h.extractOutputValues();
        assertEquals(2, out.size());
        assertEquals("2026-01-10", out.get(1).date);
        assertEquals(32.0, out.get(1).pm25, 1e-9, "the corrected hour replaces the first one");

        assertNotEquals(0, h.numKeyedStateEntries());
        h.processWatermark(at("2026-01-11T02:00"));
        assertEquals(0, h.numKeyedStateEntries(), "state of the day is cleared once lateness expired");
        assertEquals(0, h.numEventTimeTimers());
        assertEquals(2, h.extractOutputValues().size(), "expiry emits nothing");

        send(stationHour("A1", hourEnd(date, 11), null, null, null, null, null, 500.0));
        assertEquals(2, h.extractOutputValues().size(), "too late: not used");
        assertEquals(0, h.numKeyedStateEntries());
    }

    private static HourlyValue o3(String station, String end, double o3) {
        return stationHour(station, end, null, null, null, o3, null, null);
    }

    private static DailyValue byStation(List<DailyValue> out, String station) {
        return out.stream().filter(d -> d.station.equals(station)).findFirst().orElseThrow();
    }
}
