package org.airindex.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.airindex.io.influx.Replace;
import org.airindex.io.influx.ResultLines;
import org.junit.jupiter.api.Test;

/** A result written after its window closed replaces what was written for it before, across a restore too. */
class ResultWriterTest {
    private static final long HOUR = 3_600_000L;

    /** A result "name@end" as one line, replacing its own point. */
    private static ResultLines result(String value) {
        long end = Long.parseLong(value.substring(value.indexOf('@') + 1));
        return new ResultLines(List.of(value), List.of(new Replace("m", Map.of("name", value), end / 1000)), end);
    }

    private static OneInputStreamOperatorTestHarness<String, String> harness(OperatorSubtaskState restore)
            throws Exception {
        var h = new OneInputStreamOperatorTestHarness<>(new ResultWriter<>(ResultWriterTest::result));
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    private static List<String> output(OneInputStreamOperatorTestHarness<String, String> h) {
        return h.extractOutputValues();
    }

    @Test
    void aResultBeforeItsWatermarkIsWrittenAndOneAfterItReplaces() throws Exception {
        try (var h = harness(null)) {
            h.processElement(new StreamRecord<>("a@" + 2 * HOUR));
            h.processWatermark(2 * HOUR);
            h.processElement(new StreamRecord<>("b@" + 2 * HOUR));
            h.processElement(new StreamRecord<>("c@" + 3 * HOUR));
            assertEquals(List.of("a@" + 2 * HOUR, new Replace("m", Map.of("name", "b@" + 2 * HOUR), 7200).line(),
                    "b@" + 2 * HOUR, "c@" + 3 * HOUR), output(h));
        }
    }

    @Test
    void afterARestoreTheWatermarkOfTheCheckpointDecidesUntilANewOneArrives() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness(null)) {
            h.processWatermark(5 * HOUR);
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness(snapshot)) {
            h.processElement(new StreamRecord<>("late@" + 4 * HOUR));
            h.processElement(new StreamRecord<>("open@" + 6 * HOUR));
            assertEquals(List.of(new Replace("m", Map.of("name", "late@" + 4 * HOUR), 14400).line(),
                    "late@" + 4 * HOUR, "open@" + 6 * HOUR), output(h));
        }
    }
}
