package org.airindex.alerts;

import static org.airindex.alerts.AlertFixtures.RULES;
import static org.airindex.alerts.AlertFixtures.ZONE;
import static org.airindex.alerts.AlertFixtures.brief;
import static org.airindex.alerts.AlertFixtures.hour;
import static org.airindex.alerts.AlertFixtures.station;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.pipeline.Keys;
import org.airindex.records.HourlyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CountyJumpAlertsTest {
    private KeyedOneInputStreamOperatorTestHarness<Integer, HourlyValue, AlertEvent> h;

    @BeforeEach
    void open() throws Exception {
        h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new CountyJumpAlerts(RULES, ZONE, Duration.ofHours(6)),
                v -> Keys.place(HourlyValue.COUNTY, v.province, v.city, v.county), Types.INT);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private void send(String code, int i, Double pm25) throws Exception {
        HourlyValue v = station(code, i, pm25, null);
        h.processElement(v, v.hourEnd);
    }

    /** Three stations of 小店区 in hour i, then the watermark. */
    private void hourOf(int i, Double a1, Double a2, Double a3) throws Exception {
        send("A1", i, a1);
        send("A2", i, a2);
        send("A3", i, a3);
        h.processWatermark(hour(i));
    }

    @Test
    void aStationFarAboveItsCountyOpensOnceAndClosesAfterTwoConsistentHours() throws Exception {
        hourOf(1, 300.0, 40.0, 50.0);   // median of the others 45: 300 > 3·45 and 255 > 75
        hourOf(2, 320.0, 42.0, 48.0);   // no repeat
        hourOf(3, 50.0, 40.0, 50.0);    // clear since 02:00
        hourOf(4, 52.0, 40.0, 50.0);
        List<AlertEvent> events = h.extractOutputValues();
        assertEquals(List.of("jump.pm25 A1 open 1 @1", "jump.pm25 A1 close 1 @4"), brief(events));
        assertEquals("pm25=300;county_median=45;other_stations=2", events.get(0).values());
        assertTrue(events.get(0).messageEn().contains("6.67 times the median 45"), events.get(0).messageEn());
    }

    @Test
    void highButNotFarEnoughInAbsoluteTermsStaysQuiet() throws Exception {
        hourOf(1, 40.0, 10.0, 12.0);    // 40 > 3·11 but only 29 above: clean air noise
        hourOf(2, 150.0, 60.0, 70.0);   // 75 above, not 3 times
        assertEquals(List.of(), h.extractOutputValues());
    }

    @Test
    void aLateStationHourThatCompletesTheComparisonOpensTheAlertForItsHour() throws Exception {
        send("A1", 1, 200.0);
        send("A2", 1, 40.0);
        h.processWatermark(hour(2));
        assertEquals(List.of(), h.extractOutputValues(), "one other station is not enough to judge");
        send("A3", 1, 30.0);           // late: the median of the others is now 35
        List<AlertEvent> events = h.extractOutputValues();
        assertEquals(List.of("jump.pm25 A1 open 1 @1"), brief(events));
        assertEquals(hour(0), events.get(0).start());
    }
}
