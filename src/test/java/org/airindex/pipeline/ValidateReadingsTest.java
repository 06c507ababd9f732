package org.airindex.pipeline;

import static org.airindex.pipeline.Fixtures.REGISTRY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.airindex.io.json.ReadingJson;
import org.airindex.io.json.TimeBounds;
import org.airindex.records.DeadLetter;
import org.airindex.records.RawReading;
import org.airindex.records.Reading;
import org.junit.jupiter.api.Test;

class ValidateReadingsTest {
    private static final TimeBounds TIMES = new TimeBounds(Instant.parse("2000-01-01T00:00:00Z"), Duration.ofHours(1),
            Clock.fixed(Instant.parse("2026-01-11T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void setsAsideWhatCannotBeUsedAndKeepsTheRest() throws Exception {
        try (OneInputStreamOperatorTestHarness<RawReading, Reading> h = ProcessFunctionTestHarnesses.forProcessFunction(
                new ValidateReadings(REGISTRY, RuleChoice.automatic(Fixtures.ZONE)))) {
            String ts = "\"ts\":\"2026-01-10T10:00:00+08:00\"";
            h.processElement(ReadingJson.parse("o1", "{\"station\":\"A1\"," + ts + ",\"pm25\":35,\"pm10\":50}", TIMES), 0);
            h.processElement(ReadingJson.parse("o2", "{\"station\":\"ZZ\"," + ts + ",\"pm25\":35}", TIMES), 0);
            h.processElement(ReadingJson.parse("o3", "{\"station\":\"A1\"," + ts + ",\"pm25\":-1,\"pm10\":50}", TIMES), 0);
            h.processElement(ReadingJson.parse("o4", "{\"station\":\"A2\"," + ts + ",\"pm25\":25000}", TIMES), 0);
            h.processElement(ReadingJson.parse("o5", "garbage", TIMES), 0);

            List<Reading> out = h.extractOutputValues();
            assertEquals(3, out.size());
            assertEquals(35.0, out.get(0).pm25);
            assertNull(out.get(1).pm25, "the impossible value is dropped");
            assertEquals(50.0, out.get(1).pm10, "the rest of that reading is kept");
            assertNull(out.get(2).pm25);

            List<DeadLetter> dead = h.getSideOutput(DeadLetters.TAG).stream().map(r -> r.getValue()).toList();
            assertEquals(List.of("unknown_station", "impossible_value", "impossible_value", "unparsable"),
                    dead.stream().map(d -> d.reason).toList());
            assertEquals(List.of("o2", "o3", "o4", "o5"), dead.stream().map(d -> d.origin).toList());
            assertTrue(dead.get(1).detail.contains("pm25=-1.0"), dead.get(1).detail);
            assertTrue(dead.get(2).detail.contains("above the plausible maximum"), dead.get(2).detail);
            assertEquals("garbage", dead.get(3).record);
        }
    }
}
