package org.airindex.pipeline;

import static org.airindex.pipeline.Fixtures.ZONE;
import static org.airindex.pipeline.Fixtures.at;
import static org.airindex.pipeline.Fixtures.stationDay;
import static org.airindex.pipeline.Fixtures.stationHour;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.airindex.records.DailyValue;
import org.airindex.records.HourlyValue;
import org.junit.jupiter.api.Test;

class PlaceDailyTest {
    private static final Duration LATENESS = Duration.ofHours(2);

    private static KeyedOneInputStreamOperatorTestHarness<Integer, DailyValue, DailyValue> harness(
            String level, int minStations) throws Exception {
        PlaceDaily op = new PlaceDaily(level, minStations, RuleChoice.automatic(ZONE), LATENESS);
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                op, d -> Keys.place(level, d.province, d.city, d.county), Types.INT);
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<Integer, DailyValue, DailyValue> h,
            DailyValue d) throws Exception {
        h.processElement(d, d.dayEnd);
    }

    @Test
    void countyDailyMeanIsTheMeanOfStationDailyMeansNotOfTheirHours() throws Exception {
        // A1: PM2.5 30 in all 24 hours; A2: PM2.5 60 in hours 1..20 only (a valid day of 20 hours).
        // Mean of the station means: (30 + 60)/2 = 45. Mean of the 44 hours would be
        // (24*30 + 20*60)/44 = 1920/44 = 43.6.
        List<DailyValue> stationDays;
        try (var stations = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new StationDaily(RuleChoice.automatic(ZONE), LATENESS), (HourlyValue v) -> Keys.station(v.station), Types.INT)) {
            LocalDate day = LocalDate.parse("2026-01-10");
            for (int hour = 1; hour <= 24; hour++) {
                String end = day.atStartOfDay().plusHours(hour).toString();
                HourlyValue a1 = stationHour("A1", end, null, null, null, null, null, 30.0);
                stations.processElement(a1, a1.hourEnd);
                if (hour <= 20) {
                    HourlyValue a2 = stationHour("A2", end, null, null, null, null, null, 60.0);
                    stations.processElement(a2, a2.hourEnd);
                }
            }
            stations.processWatermark(at("2026-01-11T00:00"));
            stationDays = stations.extractOutputValues();
        }
        assertEquals(2, stationDays.size());
        try (var h = harness(HourlyValue.COUNTY, 1)) {
            for (DailyValue d : stationDays) {
                send(h, d);
            }
            h.processWatermark(at("2026-01-11T00:00"));
            List<DailyValue> out = h.extractOutputValues();
            assertEquals(1, out.size());
            DailyValue c = out.get(0);
            assertEquals("county", c.level);
            assertEquals("小店区", c.county);
            assertEquals("太原市", c.city);
            assertNull(c.station);
            assertEquals("2026-01-10", c.date);
            assertEquals(45.0, c.pm25, 1e-9);
            assertEquals(2, c.stations);
        }
    }

    @Test
    void countyValuesAndAqiComeFromTheStationsDailyValues() throws Exception {
        try (var h = harness(HourlyValue.COUNTY, 1)) {
            send(h, stationDay("A1", "2026-01-10", 10.0, 30.0, 0.6, 80.0, 40.0, 100.0, 150.0));
            send(h, stationDay("A2", "2026-01-10", 20.0, 50.0, 1.0, 120.0, 70.0, 140.0, 190.0));
            h.processWatermark(at("2026-01-11T00:00") - 1);
            assertTrue(h.extractOutputValues().isEmpty());
            h.processWatermark(at("2026-01-11T00:00"));
            DailyValue c = h.extractOutputValues().get(0);
            assertEquals(15.0, c.so2, 1e-9);   // (10+20)/2
            assertEquals(40.0, c.no2, 1e-9);   // (30+50)/2
            assertEquals(0.8, c.co, 1e-9);     // (0.6+1.0)/2
            assertEquals(100.0, c.pm10, 1e-9); // (80+120)/2
            assertEquals(55.0, c.pm25, 1e-9);  // (40+70)/2
            assertEquals(120.0, c.o3, 1e-9, "mean of the stations' daily max 8h (100+140)/2");
            assertEquals(170.0, c.o3OneHourMax, 1e-9); // (150+190)/2
            assertTrue(c.valid);
            // 2012 rules (January 2026):
            assertEquals(15, c.iaqiSo2);       // 15/50*50
            assertEquals(50, c.iaqiNo2);       // 40/40*50
            assertEquals(20, c.iaqiCo);        // 0.8/2*50
            assertEquals(75, c.iaqiPm10);      // 50 + (100-50)/100*50
            assertEquals(75, c.iaqiPm25);      // 50 + (55-35)/40*50
            assertEquals(67, c.iaqiO3);        // 50 + (120-100)/60*50 = 66.7 -> 67
            assertEquals(63, c.iaqiO3OneHour); // 50 + (170-160)/40*50 = 62.5 -> 63
            // Station AQIs are 65 (A1: PM10 80) and 94 (A2: PM2.5 70); their mean 79.5 is not the county AQI.
            assertEquals(75, c.aqi);
            assertEquals("pm10;pm25", c.primary);
        }
    }

    @Test
    void aCountyValueNeedsTheMinimumOfValidStations() throws Exception {
        try (var h = harness(HourlyValue.COUNTY, 2)) {
            send(h, stationDay("A1", "2026-01-10", 10.0, 30.0, 0.6, 80.0, 40.0, 100.0, 150.0));
            send(h, stationDay("A2", "2026-01-10", 20.0, 50.0, 1.0, 120.0, null, 140.0, 190.0));
            h.processWatermark(at("2026-01-11T00:00"));
            DailyValue c = h.extractOutputValues().get(0);
            assertNull(c.pm25, "only A1 has a valid PM2.5 day, two are required");
            assertEquals(40.0, c.no2, 1e-9); // (30+50)/2: both stations valid
            assertEquals(100.0, c.pm10, 1e-9);
            assertFalse(c.valid);
        }
    }

    @Test
    void twoCountiesNamed城区InDifferentCitiesStayApart() throws Exception {
        try (var h = harness(HourlyValue.COUNTY, 1)) {
            send(h, stationDay("B1", "2026-01-10", null, null, null, null, 70.0, null, null));
            send(h, stationDay("C1", "2026-01-10", null, null, null, null, 10.0, null, null));
            h.processWatermark(at("2026-01-11T00:00"));
            List<DailyValue> out = h.extractOutputValues();
            assertEquals(2, out.size());
            DailyValue yangquan = out.stream().filter(d -> d.city.equals("阳泉市")).findFirst().orElseThrow();
            DailyValue jincheng = out.stream().filter(d -> d.city.equals("晋城市")).findFirst().orElseThrow();
            assertEquals("城区", yangquan.county);
            assertEquals("城区", jincheng.county);
            assertEquals(70.0, yangquan.pm25, 1e-9, "not (70+10)/2 = 40");
            assertEquals(10.0, jincheng.pm25, 1e-9);
            assertEquals("山西省/阳泉市/城区", yangquan.placeKey());
            assertEquals(1, yangquan.stations);
        }
    }

    @Test
    void aCorrectedStationDayReEmitsTheCountyDay() throws Exception {
        try (var h = harness(HourlyValue.CITY, 1)) {
            send(h, stationDay("A1", "2026-01-10", null, null, null, null, 40.0, null, null));
            send(h, stationDay("A2", "2026-01-10", null, null, null, null, 60.0, null, null));
            h.processWatermark(at("2026-01-11T00:30"));
            assertEquals(50.0, h.extractOutputValues().get(0).pm25, 1e-9);
            send(h, stationDay("A2", "2026-01-10", null, null, null, null, 80.0, null, null));
            List<DailyValue> out = h.extractOutputValues();
            assertEquals(2, out.size());
            assertEquals(60.0, out.get(1).pm25, 1e-9); // (40+80)/2: A2's row replaced, not added
            assertEquals("city", out.get(1).level);
            assertNull(out.get(1).county);
            h.processWatermark(at("2026-01-11T02:00"));
            assertEquals(0, h.numKeyedStateEntries());
        }
    }

    private static DailyValue expected(String date) {
        return DailyValue.placeholder(HourlyValue.COUNTY, "山西省", "太原市", "小店区", date,
                at(LocalDate.parse(date).plusDays(1) + "T00:00"));
    }

    /** A county whose stations sent nothing still closes its day: missing, with no station and no value. */
    @Test
    void aPlaceholderAloneClosesTheDayAsMissing() throws Exception {
        try (var h = harness(HourlyValue.COUNTY, 1)) {
            h.processWatermark(at("2026-01-11T00:00"));
            send(h, expected("2026-01-10"));
            List<DailyValue> out = h.extractOutputValues();
            assertEquals(1, out.size());
            DailyValue c = out.get(0);
            assertEquals("小店区", c.county);
            assertEquals("2026-01-10", c.date);
            assertEquals(0, c.stations);
            assertFalse(c.valid);
            assertNull(c.pm25);
            assertNull(c.aqi);
            assertFalse(c.placeholder, "the county's day is a day, not a placeholder");
        }
    }

    /** Beside a station's day, before or after it, the placeholder changes nothing and adds no output. */
    @Test
    void aPlaceholderBesideAStationsDayChangesNothing() throws Exception {
        DailyValue station = stationDay("A1", "2026-01-10", 5.0, 30.0, 0.8, 70.0, 35.0, 80.0, 100.0);
        List<DailyValue> alone;
        try (var h = harness(HourlyValue.COUNTY, 1)) {
            send(h, station);
            h.processWatermark(at("2026-01-11T00:00"));
            send(h, expected("2026-01-10"));
            alone = h.extractOutputValues();
        }
        assertEquals(1, alone.size(), "a placeholder after the close re-issues nothing");
        try (var h = harness(HourlyValue.COUNTY, 1)) {
            send(h, expected("2026-01-10"));
            send(h, station);
            h.processWatermark(at("2026-01-11T00:00"));
            List<DailyValue> out = h.extractOutputValues();
            assertEquals(1, out.size());
            assertEquals(alone.get(0).toString(), out.get(0).toString());
            assertEquals(1, out.get(0).stations);
            assertEquals(35.0, out.get(0).pm25);
        }
    }

    @Test
    void aDayUnderThe2031RuleSetNamesItProvisional() throws Exception {
        try (var h = harness(HourlyValue.COUNTY, 1)) {
            send(h, stationDay("A1", "2031-01-05", 5.0, 30.0, 0.8, 70.0, 35.0, 80.0, 100.0));
            h.processWatermark(at("2031-01-06T00:00"));
            assertEquals("2031 provisional", h.extractOutputValues().get(0).rules);
        }
    }
}
