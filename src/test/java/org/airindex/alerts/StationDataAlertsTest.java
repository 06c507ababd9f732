package org.airindex.alerts;

import static org.airindex.alerts.AlertFixtures.RULES;
import static org.airindex.alerts.AlertFixtures.XIAODIAN;
import static org.airindex.alerts.AlertFixtures.ZONE;
import static org.airindex.alerts.AlertFixtures.brief;
import static org.airindex.alerts.AlertFixtures.hour;
import static org.airindex.alerts.AlertFixtures.station;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class StationDataAlertsTest {
    private KeyedOneInputStreamOperatorTestHarness<Integer, HourlyValue, AlertEvent> h;

    @BeforeEach
    void open() throws Exception {
        h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new StationDataAlerts(RULES, ZONE),
                v -> Keys.station(v.station), Types.INT);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    /** Station A1's hour, then the watermark at its end. */
    private void hourOf(int i, Double pm25, Double pm10) throws Exception {
        send(i, pm25, pm10);
        h.processWatermark(hour(i));
    }

    private void send(int i, Double pm25, Double pm10) throws Exception {
        HourlyValue v = station("A1", i, pm25, pm10);
        h.processElement(v, v.hourEnd);
    }

    @Test
    void flatLineOpensAfterSixIdenticalHoursAndClosesWhenTheValueMoves() throws Exception {
        for (int i = 1; i <= 8; i++) {
            hourOf(i, 35.0, 60.0 + i);
        }
        hourOf(9, 36.0, 70.0);   // clear since 08:00, clear_for 1 h
        List<AlertEvent> events = h.extractOutputValues();
        assertEquals(List.of("flat_line.pm25 A1 open 1 @6", "flat_line.pm25 A1 close 1 @9"), brief(events));
        assertEquals(hour(0), events.get(0).start());
        assertEquals(hour(8), events.get(1).end());
        assertEquals(XIAODIAN, events.get(0).place());
        assertTrue(events.get(0).messageEn().contains("exactly 35 for 6 h"), events.get(0).messageEn());
        assertTrue(events.get(0).messageZh().contains("连续6小时"), events.get(0).messageZh());
    }

    @Test
    void aRepeatedReadingBelowTheMinimumIsCleanAirNotAFlatLine() throws Exception {
        for (int i = 1; i <= 8; i++) {
            hourOf(i, 4.0, 60.0 + i);   // PM2.5 min_value is 5
        }
        assertEquals(List.of(), h.extractOutputValues());
    }

    @Test
    void pm25AbovePm10ForTwoHoursOpensAndClosesAfterTwoClearHours() throws Exception {
        hourOf(1, 30.0, 60.0);
        hourOf(2, 80.0, 70.0);
        hourOf(3, 81.0, 71.0);
        hourOf(4, 82.0, 72.0);   // no repeat
        hourOf(5, 30.0, 61.0);   // clear since 04:00
        hourOf(6, 31.0, 62.0);
        List<AlertEvent> events = h.extractOutputValues();
        assertEquals(List.of("pm25_above_pm10 A1 open 1 @3", "pm25_above_pm10 A1 close 1 @6"), brief(events));
        assertEquals(hour(1), events.get(0).start());
        assertEquals("pm25=81;pm10=71;hours=2", events.get(0).values());
    }

    @Test
    void aValueAtTheInstrumentCapOpensAtOnce() throws Exception {
        hourOf(1, 30.0, 60.0);
        hourOf(2, 1000.0, 1000.0);   // PM2.5 and PM10 both at their cap of 1000; PM2.5 not above PM10
        hourOf(3, 900.0, 999.0);     // both below: clear since 02:00, clear_for 1 h
        assertEquals(List.of(
                "instrument_cap.pm10 A1 open 1 @2",
                "instrument_cap.pm25 A1 open 1 @2",
                "instrument_cap.pm10 A1 close 1 @3",
                "instrument_cap.pm25 A1 close 1 @3"), brief(h.extractOutputValues()));
    }

    @Test
    void silentStationOpensByTimerWithoutRepeatsAndClosesWhenDataReturns() throws Exception {
        for (int i = 1; i <= 3; i++) {
            hourOf(i, 30.0 + i, 60.0 + i);
        }
        h.processWatermark(hour(5));
        assertEquals(List.of(), h.extractOutputValues(), "2 h without data is not yet silent");
        h.processWatermark(hour(6));
        h.processWatermark(hour(10));
        hourOf(11, 40.0, 70.0);
        List<AlertEvent> events = h.extractOutputValues();
        assertEquals(List.of("silent A1 open 1 @6", "silent A1 close 1 @11"), brief(events));
        assertEquals(hour(3), events.get(0).start());
        assertEquals(hour(10), events.get(1).end());
    }

    @Test
    void aBatchReplayFindsTheSameSilenceWhenItsTimersFireOnlyAtTheEnd() throws Exception {
        for (int i : new int[] {1, 2, 3, 10, 11}) {
            send(i, 30.0 + i, 60.0 + i);
        }
        h.processWatermark(Long.MAX_VALUE);
        List<AlertEvent> events = h.extractOutputValues();
        assertEquals(List.of("silent A1 open 1 @6", "silent A1 close 1 @10"), brief(events));
        assertEquals(hour(3), events.get(0).start());
        assertEquals(hour(9), events.get(1).end());
    }

    @Test
    void theEndOfABoundedInputIsNotSilence() throws Exception {
        hourOf(1, 30.0, 60.0);
        h.processWatermark(Long.MAX_VALUE);
        assertEquals(List.of(), h.extractOutputValues());
    }

    @Test
    void aCorrectedLateHourThatCompletesAFlatLineOpensItAtOnce() throws Exception {
        for (int i = 1; i <= 7; i++) {
            hourOf(i, i == 4 ? 36.0 : 35.0, 60.0 + i);
        }
        assertEquals(List.of(), h.extractOutputValues());
        send(4, 35.0, 64.0);   // hour 4 corrected after the watermark passed hour 7
        List<AlertEvent> events = h.extractOutputValues();
        assertEquals(List.of("flat_line.pm25 A1 open 1 @7"), brief(events));
        assertEquals(hour(0), events.get(0).start());
    }

    @Test
    void quietOnOrdinaryData() throws Exception {
        for (int i = 1; i <= 30; i++) {
            hourOf(i, 30.0 + i % 5, 60.0 + i % 7);
        }
        assertEquals(List.of(), h.extractOutputValues());
    }
}
