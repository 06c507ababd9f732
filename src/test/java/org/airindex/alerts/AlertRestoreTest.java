package org.airindex.alerts;

import static org.airindex.alerts.AlertFixtures.RULES;
import static org.airindex.alerts.AlertFixtures.ZONE;
import static org.airindex.alerts.AlertFixtures.brief;
import static org.airindex.alerts.AlertFixtures.county;
import static org.airindex.alerts.AlertFixtures.hour;
import static org.airindex.alerts.AlertFixtures.station;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.pipeline.RuleChoice;
import org.airindex.pipeline.Keys;
import org.airindex.records.HourlyValue;
import org.junit.jupiter.api.Test;

/**
 * A restart from a checkpoint: the operator's snapshot (keyed state and timers) restored into a new
 * instance carries the open alerts on, so nothing is sent again and the closes still come.
 */
class AlertRestoreTest {

    private static KeyedOneInputStreamOperatorTestHarness<Integer, HourlyValue, AlertEvent> harness(
            KeyedProcessFunction<Integer, HourlyValue, AlertEvent> fn, KeySelector<HourlyValue, Integer> key,
            OperatorSubtaskState restored) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(fn), key, Types.INT);
        h.setup();
        if (restored != null) {
            h.initializeState(restored);
        }
        h.open();
        return h;
    }

    private static void hourOf(KeyedOneInputStreamOperatorTestHarness<Integer, HourlyValue, AlertEvent> h,
            HourlyValue v) throws Exception {
        h.processElement(v, v.hourEnd);
        h.processWatermark(v.hourEnd);
    }

    @Test
    void episodesOpenBeforeTheCheckpointCloseAfterItWithoutRepeats() throws Exception {
        OperatorSubtaskState snapshot;
        try (var before = harness(new EpisodeAlerts(RULES, RuleChoice.automatic(ZONE), HourlyValue.COUNTY),
                v -> Keys.place(v.placeKey()), null)) {
            for (int i = 1; i <= 25; i++) {
                hourOf(before, county(i, 160.0, 210));
            }
            assertEquals(List.of("hourly.county_aqi_over_200 open 1 @3", "episode open 1 @20"),
                    brief(before.extractOutputValues()));
            snapshot = before.snapshot(1L, hour(25));
        }
        try (var after = harness(new EpisodeAlerts(RULES, RuleChoice.automatic(ZONE), HourlyValue.COUNTY),
                v -> Keys.place(v.placeKey()), snapshot)) {
            for (int i = 26; i <= 30; i++) {
                hourOf(after, county(i, 160.0, 210));
            }
            for (int i = 31; i <= 56; i++) {
                hourOf(after, county(i, 20.0, 29));
            }
            assertEquals(List.of("hourly.county_aqi_over_200 close 1 @33", "episode close 1 @55"),
                    brief(after.extractOutputValues()));
        }
    }

    @Test
    void aSilenceTimerSetBeforeTheCheckpointFiresAfterIt() throws Exception {
        OperatorSubtaskState snapshot;
        try (var before = harness(new StationDataAlerts(RULES, ZONE), v -> Keys.station(v.station), null)) {
            for (int i = 1; i <= 3; i++) {
                hourOf(before, station("A1", i, 30.0 + i, 60.0 + i));
            }
            before.processWatermark(hour(4));
            snapshot = before.snapshot(1L, hour(4));
        }
        try (var after = harness(new StationDataAlerts(RULES, ZONE), v -> Keys.station(v.station), snapshot)) {
            after.processWatermark(hour(6));
            assertEquals(List.of("silent A1 open 1 @6"), brief(after.extractOutputValues()));
        }
    }
}
