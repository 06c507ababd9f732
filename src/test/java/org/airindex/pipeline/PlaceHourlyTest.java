package org.airindex.pipeline;

import static org.airindex.pipeline.Fixtures.ZONE;
import static org.airindex.pipeline.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.airindex.records.HourlyValue;
import org.junit.jupiter.api.Test;

class PlaceHourlyTest {
    private static final Duration LATENESS = Duration.ofHours(1);

    private static KeyedOneInputStreamOperatorTestHarness<Integer, HourlyValue, HourlyValue> harness(
            String level, int minStations) throws Exception {
        PlaceHourly op = new PlaceHourly(level, minStations, RuleChoice.automatic(ZONE), LATENESS);
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                op, v -> Keys.place(level, v.province, v.city, v.county), Types.INT);
    }

    private static HourlyValue station(String code, String county, String city, String end, Double pm25, Double o3) {
        HourlyValue v = new HourlyValue();
        v.level = HourlyValue.STATION;
        v.station = code;
        v.county = county;
        v.city = city;
        v.province = "山西省";
        v.hourEnd = at(end);
        v.pm25 = pm25;
        v.o3 = o3;
        v.stations = pm25 != null || o3 != null ? 1 : 0;
        return v;
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<Integer, HourlyValue, HourlyValue> h,
            HourlyValue v) throws Exception {
        h.processElement(v, v.hourEnd);
    }

    @Test
    void countyAqiComesFromTheMeanNotFromAveragedAqis() throws Exception {
        try (var h = harness(HourlyValue.COUNTY, 1)) {
            send(h, station("A1", "小店区", "太原市", "2026-01-10T10:00", 35.0, 20.0));  // IAQI 50
            send(h, station("A2", "小店区", "太原市", "2026-01-10T10:00", 250.0, null)); // IAQI 300
            h.processWatermark(at("2026-01-10T10:00"));
            HourlyValue v = h.extractOutputValues().get(0);
            assertEquals("county", v.level);
            assertEquals("小店区", v.county);
            assertNull(v.station);
            assertEquals(142.5, v.pm25, 1e-9);
            assertEquals(20.0, v.o3, 1e-9, "O3 from the one station that has it");
            assertEquals(2, v.stations);
            // 142.5 rounds half-even to 142 before the IAQI; 2012 PM2.5 115-150 -> 150-200:
            // 150 + 50/35*27 = 188.6 -> 189 (averaged station IAQIs would give 175)
            assertEquals(189, v.iaqiPm25);
            assertEquals(189, v.aqi);
            assertEquals("中度污染", v.category);
            assertEquals("pm25", v.primary);
        }
    }

    @Test
    void minimumStationsAndSameNamedCountiesInDifferentCities() throws Exception {
        try (var h = harness(HourlyValue.COUNTY, 2)) {
            send(h, station("A1", "小店区", "太原市", "2026-01-10T10:00", 35.0, null));
            send(h, station("A2", "小店区", "太原市", "2026-01-10T10:00", null, null));
            send(h, station("B1", "城区", "阳泉市", "2026-01-10T10:00", 70.0, null));
            send(h, station("C1", "城区", "晋城市", "2026-01-10T10:00", 10.0, null));
            h.processWatermark(at("2026-01-10T10:00"));
            List<HourlyValue> out = h.extractOutputValues();
            assertEquals(3, out.size(), "城区 of 阳泉市 and 城区 of 晋城市 are two counties");
            for (HourlyValue v : out) {
                assertNull(v.pm25, "one valid station is below the minimum of two: " + v);
                assertNull(v.aqi);
            }
        }
    }

    @Test
    void correctedStationRowReEmitsTheCountyAndStateIsCleared() throws Exception {
        try (var h = harness(HourlyValue.CITY, 1)) {
            send(h, station("A1", "小店区", "太原市", "2026-01-10T10:00", 30.0, null));
            send(h, station("A2", "迎泽区", "太原市", "2026-01-10T10:00", 50.0, null));
            h.processWatermark(at("2026-01-10T10:30"));
            assertEquals(40.0, h.extractOutputValues().get(0).pm25, 1e-9);
            assertNull(h.extractOutputValues().get(0).county);

            send(h, station("A2", "迎泽区", "太原市", "2026-01-10T10:00", 70.0, null));
            List<HourlyValue> out = h.extractOutputValues();
            assertEquals(2, out.size());
            assertEquals(50.0, out.get(1).pm25, 1e-9, "A2's corrected row replaces its first one");

            assertNotEquals(0, h.numKeyedStateEntries());
            h.processWatermark(at("2026-01-10T11:00"));
            assertEquals(0, h.numKeyedStateEntries());
            assertEquals(0, h.numEventTimeTimers());
            assertTrue(out.stream().allMatch(v -> v.level.equals("city")));
        }
    }
}
