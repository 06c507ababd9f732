package org.airindex.pipeline;

import static org.airindex.pipeline.Fixtures.REGISTRY;
import static org.airindex.pipeline.Fixtures.ZONE;
import static org.airindex.pipeline.Fixtures.at;
import static org.airindex.pipeline.Fixtures.hourly;
import static org.airindex.pipeline.Fixtures.pm25;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.airindex.config.StationRegistry;
import org.airindex.records.DeadLetter;
import org.airindex.records.HourlyValue;
import org.airindex.records.Reading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StationHourlyTest {
    private static final Duration LATENESS = Duration.ofHours(2);
    private KeyedOneInputStreamOperatorTestHarness<Integer, Reading, HourlyValue> h;

    @BeforeEach
    void open() throws Exception {
        h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new StationHourly(REGISTRY, RuleChoice.automatic(ZONE), LATENESS), r -> Keys.station(r.station), Types.INT);
    }

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    private void send(Reading r) throws Exception {
        h.processElement(r, r.ts);
    }

    @Test
    void outOfOrderHoursAreEmittedOnlyWhenTheWatermarkPassesTheirEnd() throws Exception {
        send(hourly("A1", "2026-01-10T12:00", null, null, null, null, null, 50.0));
        send(hourly("A1", "2026-01-10T10:00", 8.0, 30.0, 0.8, 45.0, 60.0, 35.0));
        send(hourly("A1", "2026-01-10T11:00", null, null, null, null, null, 40.0));
        h.processWatermark(at("2026-01-10T09:59:59"));
        assertTrue(h.extractOutputValues().isEmpty());

        h.processWatermark(at("2026-01-10T11:00"));
        List<HourlyValue> out = h.extractOutputValues();
        assertEquals(2, out.size());
        HourlyValue ten = out.get(0);
        assertEquals(at("2026-01-10T10:00"), ten.hourEnd);
        assertEquals(at("2026-01-10T11:00"), out.get(1).hourEnd);
        assertEquals("station", ten.level);
        assertEquals("小店区", ten.county);
        assertEquals(35.0, ten.pm25);
        // January 2026 is under the 2012 rules: PM10 60 is in the 50-150 segment -> 55.
        assertEquals("2012", ten.rules);
        assertEquals(3, ten.iaqiSo2);   // 8/150*50 = 2.67, ceiling
        assertEquals(15, ten.iaqiNo2);  // 30/100*50
        assertEquals(8, ten.iaqiCo);    // 0.8/5*50
        assertEquals(15, ten.iaqiO3);   // 45/160*50 = 14.06, ceiling
        assertEquals(55, ten.iaqiPm10);
        assertEquals(50, ten.iaqiPm25);
        assertEquals(55, ten.aqi);
        assertEquals("良", ten.category);
        assertEquals("pm10", ten.primary);
    }

    @Test
    void theDateOfTheDataPicksTheRuleSet() throws Exception {
        send(hourly("A1", "2026-11-10T10:00", 8.0, 30.0, 0.8, 45.0, 60.0, 35.0));
        h.processWatermark(at("2026-11-10T10:00"));
        HourlyValue v = h.extractOutputValues().get(0);
        assertEquals("2026", v.rules);
        assertEquals(58, v.iaqiPm10); // 2026 PM10 24h 50-120: 50 + 10/70*50 = 57.1, ceiling
        assertEquals(58, v.aqi);
    }

    @Test
    void minuteDataIsTimeWeightedAndNeeds45Minutes() throws Exception {
        long start = at("2026-01-10T10:00");
        for (int m = 1; m <= 30; m++) {
            send(pm25("A1", start + m * 60_000L, 60, 20));
        }
        send(pm25("A1", start + 45 * 60_000L, 900, 50)); // covers 10:30-10:45
        for (int m = 1; m <= 44; m++) { // the next hour has only 44 minutes
            send(pm25("A1", start + 3_600_000L + m * 60_000L, 60, 20));
        }
        h.processWatermark(at("2026-01-10T12:00"));
        List<HourlyValue> out = h.extractOutputValues();
        assertEquals(2, out.size());
        assertEquals(30.0, out.get(0).pm25, 1e-9); // (30*60*20 + 900*50) / 2700
        assertEquals(1, out.get(0).stations);
        assertNull(out.get(1).pm25);
        assertEquals(0, out.get(1).stations);
        assertNull(out.get(1).aqi);
    }

    @Test
    void lateReadingWithinLatenessRewritesTheHourAndTooLateGoesToDeadLetter() throws Exception {
        long start = at("2026-01-10T10:00");
        for (int m = 1; m <= 30; m++) {
            send(pm25("A1", start + m * 60_000L, 60, 20));
        }
        send(pm25("A1", start + 45 * 60_000L, 900, 50));
        h.processWatermark(at("2026-01-10T11:30"));
        assertEquals(30.0, h.extractOutputValues().get(0).pm25, 1e-9);

        send(pm25("A1", start + 50 * 60_000L, 300, 60)); // late, within the 2 h lateness
        List<HourlyValue> out = h.extractOutputValues();
        assertEquals(2, out.size());
        assertEquals(at("2026-01-10T11:00"), out.get(1).hourEnd);
        assertEquals(33.0, out.get(1).pm25, 1e-9); // (36000 + 45000 + 300*60) / 3000

        h.processWatermark(at("2026-01-10T13:00"));
        assertEquals(0, h.numKeyedStateEntries(), "state of the hour is cleared once lateness expired");
        Reading tooLate = pm25("A1", start + 55 * 60_000L, 300, 60);
        tooLate.origin = "readings-1@4711";
        send(tooLate);
        assertEquals(2, h.extractOutputValues().size(), "nothing more emitted");
        var dead = h.getSideOutput(DeadLetters.TAG);
        assertEquals(1, dead.size());
        DeadLetter d = dead.peek().getValue();
        assertEquals("too_late", d.reason);
        assertEquals("readings-1@4711", d.origin, "the Kafka record it came from");
        assertTrue(d.record.contains("\"station\":\"A1\""), d.record);
    }

    /**
     * Flink does not checkpoint watermarks: restored, the operator still knows how far its windows are
     * final, so a reading that was too late before the failure is too late after it (for a station with
     * state or without), and one within lateness corrects its closed hour at once.
     */
    @Test
    void afterARestoreTooLateIsStillTooLateBeforeAnyWatermark() throws Exception {
        long start = at("2026-01-10T10:00");
        send(hourly("A1", "2026-01-10T11:00", null, null, null, null, null, 30.0));
        send(hourly("A1", "2026-01-10T12:00", null, null, null, null, null, 40.0));
        h.processWatermark(at("2026-01-10T13:30"));
        assertEquals(2, h.extractOutputValues().size());
        OperatorSubtaskState snapshot = h.snapshot(1L, at("2026-01-10T13:30"));
        h.close();

        h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new StationHourly(REGISTRY, RuleChoice.automatic(ZONE), LATENESS)), r -> Keys.station(r.station), Types.INT);
        h.setup();
        h.initializeState(snapshot);
        h.open();
        send(pm25("A1", start + 30 * 60_000L, 300, 90)); // hour ending 11:00 expired at 13:00
        send(pm25("A2", start + 30 * 60_000L, 300, 90)); // a station with no state at all
        var dead = h.getSideOutput(DeadLetters.TAG);
        assertEquals(2, dead == null ? 0 : dead.size(), "both are too late, as before the failure");
        dead.forEach(d -> assertEquals("too_late", d.getValue().reason));
        assertEquals(0, h.extractOutputValues().size(), "no partial hour overwrites a finished one");

        send(hourly("A1", "2026-01-10T12:00", null, null, null, null, null, 44.0)); // within lateness
        List<HourlyValue> corrected = h.extractOutputValues();
        assertEquals(1, corrected.size(), "the closed hour is corrected at once, as it would have been");
        assertEquals(44.0, corrected.get(0).pm25);
        assertEquals(at("2026-01-10T12:00"), corrected.get(0).hourEnd);
    }

    @Test
    void aResentReadingIsMergedNotCountedTwice() throws Exception {
        send(hourly("A1", "2026-01-10T10:00", 8.0, null, null, null, null, 35.0));
        send(hourly("A1", "2026-01-10T10:00", null, null, null, null, null, 41.0));
        h.processWatermark(at("2026-01-10T10:00"));
        HourlyValue v = h.extractOutputValues().get(0);
        assertEquals(41.0, v.pm25);
        assertEquals(8.0, v.so2);
    }

    /**
     * A1 leaves the registry while its 11:00 hour is open in the state a restart restores: the hour's
     * readings become dead letters (unknown_station) when it closes, and the job goes on.
     */
    @Test
    void aStationThatLeftTheRegistryAcrossARestoreIsDeadLetteredNotAFailure() throws Exception {
        send(hourly("A1", "2026-01-10T11:00", null, null, null, null, null, 40.0));
        send(hourly("A2", "2026-01-10T11:00", null, null, null, null, null, 30.0));
        OperatorSubtaskState snapshot = h.snapshot(1L, at("2026-01-10T10:30"));
        StationRegistry withoutA1 = new StationRegistry(REGISTRY.stations().stream()
                .filter(st -> !st.code().equals("A1")).toList());
        try (var restored = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new StationHourly(withoutA1, RuleChoice.automatic(ZONE), LATENESS)),
                (Reading r) -> Keys.station(r.station), Types.INT)) {
            restored.initializeState(snapshot);
            restored.open();
            restored.processWatermark(at("2026-01-10T11:00"));
            List<HourlyValue> out = restored.extractOutputValues();
            assertEquals(List.of("A2"), out.stream().map(v -> v.station).toList());
            List<DeadLetter> dead = restored.getSideOutput(DeadLetters.TAG).stream().map(r -> r.getValue()).toList();
            assertEquals(1, dead.size());
            assertEquals("unknown_station", dead.get(0).reason);
            assertTrue(dead.get(0).record.contains("\"A1\""), dead.get(0).record);
        }
    }
}
