package org.airindex.alerts;

import static org.airindex.alerts.AlertFixtures.RULES;
import static org.airindex.alerts.AlertFixtures.XIAODIAN;
import static org.airindex.alerts.AlertFixtures.ZONE;
import static org.airindex.alerts.AlertFixtures.brief;
import static org.airindex.alerts.AlertFixtures.county;
import static org.airindex.alerts.AlertFixtures.hour;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.pipeline.RuleChoice;
import org.airindex.pipeline.Keys;
import org.airindex.records.HourlyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EpisodeAlertsTest {
    private KeyedOneInputStreamOperatorTestHarness<Integer, HourlyValue, AlertEvent> h;

    @BeforeEach
    void open() throws Exception {
        h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new EpisodeAlerts(RULES, RuleChoice.automatic(ZONE), HourlyValue.COUNTY), v -> Keys.place(v.placeKey()),
                Types.INT);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    /** One county hour, then the watermark at its end. */
    private void hourOf(int i, double pm25, int aqi) throws Exception {
        HourlyValue v = county(i, pm25, aqi);
        h.processElement(v, v.hourEnd);
        h.processWatermark(v.hourEnd);
    }

    @Test
    void opensOnceAndClosesAfterTheClearSpellThenReopensAsANewAlert() throws Exception {
        // PM2.5 160 (hourly AQI 210) for hours 1..30, then 20 (AQI 29).
        for (int i = 1; i <= 30; i++) {
            hourOf(i, 160, 210);
        }
        // Rolling 24h: hour 31 holds 23 hours of 160 → 154.2 → AQI 204; hour 32: 148.3 → 198, clear from 31:00.
        for (int i = 31; i <= 56; i++) {
            hourOf(i, 20, 29);
        }
        List<AlertEvent> events = h.extractOutputValues();
        assertEquals(List.of(
                "hourly.county_aqi_over_200 open 1 @3",
                "episode open 1 @20",
                "hourly.county_aqi_over_200 close 1 @33",
                "episode close 1 @55"), brief(events));
        AlertEvent open = events.get(1);
        assertEquals("yellow", open.levelName());
        assertEquals(XIAODIAN, open.place());
        assertNull(open.station());
        assertEquals(hour(19), open.start());
        assertTrue(open.messageZh().contains("黄色") && open.messageZh().contains("非预报"), open.messageZh());
        assertTrue(open.messageEn().contains("observed, not a forecast"), open.messageEn());
        AlertEvent closed = events.get(3);
        assertEquals(open.id(), closed.id());
        assertEquals(hour(31), closed.end());
        assertEquals(hour(0), events.get(0).start());
        assertEquals(hour(30), events.get(2).end());

        // Back up after a gap (57..59 missing): the hourly run reaches 3 hours at 62. The 24 hours ending at
        // 79 hold 21 valid hours, 56 (20) and 60..79 (160): mean 153.3 → 153 → AQI 203, above 200. The run
        // above 150 began at 74 (hours 53..56 at 20, 60..74 at 160: 120 → 157; at 73: 113.3 → 148).
        for (int i = 60; i <= 82; i++) {
            hourOf(i, 160, 210);
        }
        List<AlertEvent> again = h.extractOutputValues().subList(4, 6);
        assertEquals(List.of("hourly.county_aqi_over_200 open 1 @62", "episode open 1 @79"), brief(again));
        assertEquals(hour(73), again.get(1).start());
        assertNotEquals(open.id(), again.get(1).id());
    }

    @Test
    void escalatesToOrangeAndRedWithoutRepeats() throws Exception {
        // PM2.5 260: rolling AQI 310 from hour 20; 48 h above 200 at hour 67, 72 h at hour 91.
        for (int i = 1; i <= 95; i++) {
            hourOf(i, 260, 310);
        }
        List<AlertEvent> events = h.extractOutputValues();
        assertEquals(List.of(
                "hourly.county_aqi_over_200 open 1 @3",
                "episode open 1 @20",
                "episode escalate 2 @67",
                "episode escalate 3 @91"), brief(events));
        assertEquals("red", events.get(3).levelName());
        assertEquals(events.get(1).id(), events.get(3).id());
        assertTrue(events.get(3).values().contains("hours_over_300=72"), events.get(3).values());
    }

    @Test
    void aCorrectedLateHourThatCompletesARunOpensTheAlertAtOnce() throws Exception {
        hourOf(1, 160, 210);
        hourOf(2, 160, 210);
        hourOf(3, 20, 50);
        hourOf(4, 160, 210);
        assertEquals(List.of(), h.extractOutputValues());
        // Hour 3 corrected after the watermark passed hour 4: the run 1..4 is now 4 hours long.
        HourlyValue corrected = county(3, 160.0, 210);
        h.processElement(corrected, corrected.hourEnd);
        List<AlertEvent> events = h.extractOutputValues();
        assertEquals(List.of("hourly.county_aqi_over_200 open 1 @4"), brief(events));
        assertEquals(hour(0), events.get(0).start());
    }

    @Test
    void aCorrectedLateHourRecomputesTheRollingAqiThatHoldsIt() throws Exception {
        // PM2.5 150 → rolling AQI 200, not above 200 (hours 1..19 are too few for a 24-hour mean).
        for (int i = 1; i <= 21; i++) {
            hourOf(i, 150, 200);
        }
        assertEquals(List.of(), h.extractOutputValues());
        // Hour 20 corrected to 170: at 20, (19·150 + 170)/20 = 151 → AQI 201; at 21, 3170/21 = 150.95 → 201.
        HourlyValue corrected = county(20, 170.0, 220);
        h.processElement(corrected, corrected.hourEnd);
        List<AlertEvent> events = h.extractOutputValues();
        assertEquals(List.of("episode open 1 @21"), brief(events));
        assertEquals(hour(19), events.get(0).start());
        assertTrue(events.get(0).values().startsWith("aqi_24h=201;"), events.get(0).values());
    }

    @Test
    void quietOnAirThatNeverMeetsAnyCondition() throws Exception {
        // PM2.5 110 → rolling AQI 150 + ... on 75..115 → 100..150: 100 + 35/40·50 = 143.75 → 144, hourly 144.
        for (int i = 1; i <= 80; i++) {
            hourOf(i, 110, 144);
        }
        assertEquals(List.of(), h.extractOutputValues());
    }

    @Test
    void citiesGetOnlyTheRulesConfiguredForCities() throws Exception {
        try (var city = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new EpisodeAlerts(RULES, RuleChoice.automatic(ZONE), HourlyValue.CITY), v -> Keys.place(v.placeKey()),
                Types.INT)) {
            for (int i = 1; i <= 20; i++) {
                HourlyValue v = county(i, 160.0, 210);
                v.level = HourlyValue.CITY;
                v.county = null;
                city.processElement(v, v.hourEnd);
                city.processWatermark(v.hourEnd);
            }
            assertEquals(List.of("episode open 1 @20"), brief(city.extractOutputValues()));
            assertEquals("山西省/太原市", city.extractOutputValues().get(0).place());
        }
    }
}
