package org.airindex.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.airindex.records.RawReading;
import org.junit.jupiter.api.Test;

class ReadingJsonTest {
    /** The processing clock stands at 2026-12-01 00:00 UTC; readings may be up to an hour ahead of it. */
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final TimeBounds TIMES = new TimeBounds(Instant.parse("2000-01-01T00:00:00Z"), Duration.ofHours(1),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static RawReading parse(String json) {
        return ReadingJson.parse("t-0@7", json, TIMES);
    }

    private static String at(String ts) {
        return "{\"station\":\"X\",\"ts\":" + ts + ",\"pm25\":35}";
    }

    /** Device clocks from 1970 to far beyond any calendar: a dead letter, before any watermark, never a throw. */
    @Test
    void implausibleTimesAreBadTimestamps() {
        for (String ts : List.of("\"+300000000-01-01T00:00:00Z\"", "\"-300000000-01-01T00:00:00Z\"",
                "\"2099-01-01T00:00:00Z\"", "\"1970-01-01T00:00:00Z\"", "\"1999-12-31T23:59:59Z\"",
                "0", "-1", "9223372036854775807", "-9223372036854775808", "100000000000000000000000000",
                "\"2026-12-01T01:00:00.001Z\"", Long.toString(NOW.plusSeconds(3601).toEpochMilli()))) {
            RawReading r = parse(at(ts));
            assertEquals("bad_timestamp", r.reason, ts + ": " + r.detail);
            assertNull(r.reading);
        }
        assertNull(parse(at("\"2026-12-01T01:00:00Z\"")).reason, "exactly an hour ahead is still plausible");
        assertNull(parse(at("\"2000-01-01T00:00:00Z\"")).reason);
    }

    @Test
    void numbersBeyondTheirTypeAreRejectedNotTruncated() {
        assertEquals("bad_interval", parse("{\"station\":\"X\",\"ts\":1795849200000,\"interval_s\":1000000000000}").reason);
        assertEquals("wrong_type", parse("{\"station\":\"X\",\"ts\":1795849200000,\"pm25\":1e999999}").reason);
        assertEquals("wrong_type", parse("{\"station\":\"X\",\"ts\":1795849200000,\"pm25\":-1e999999}").reason);
        assertEquals("unparsable", parse("[".repeat(100_000)).reason);
    }

    /** Random mutations of a valid reading: each one a reading or a rejection with a reason, none a throw. */
    @Test
    void neverThrowsWhateverTheText() {
        String valid = "{\"station\":\"1001A\",\"ts\":\"2026-11-28T15:00:00+08:00\",\"interval_s\":3600,\"pm25\":35,"
                + "\"co\":0.8}";
        String alphabet = "{}[]\":,.-+eE0123456789 \\nultrfas\u0000\u00e9\u6c34";
        Random random = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(valid);
            for (int edits = 1 + random.nextInt(6); edits > 0; edits--) {
                int at = random.nextInt(text.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(4)));
                    default -> text.insert(at, Long.toString(random.nextLong()));
                }
            }
            RawReading r = parse(text.toString());
            assertTrue(r.reading != null ^ r.reason != null, "one of reading and reason: " + text);
        }
    }

    @Test
    void parsesTheSpecExample() {
        RawReading r = parse("{\"station\":\"1001A\",\"ts\":\"2026-11-28T15:00:00+08:00\",\"interval_s\":3600,"
                + "\"pm25\":35,\"pm10\":60,\"so2\":8,\"no2\":30,\"co\":0.8,\"o3\":45}");
        assertNull(r.reason);
        assertEquals("1001A", r.reading.station);
        assertEquals(1795849200000L, r.reading.ts); // 2026-11-28T07:00Z
        assertEquals(3600, r.reading.intervalS);
        assertEquals(35.0, r.reading.pm25);
        assertEquals(0.8, r.reading.co);
        assertEquals("t-0@7", r.origin);
    }

    @Test
    void epochMillisDefaultIntervalAndMissingPollutants() {
        RawReading r = parse("{\"station\":\"X\",\"ts\":1795849200000,\"pm25\":null,\"o3\":12.5}");
        assertEquals(1795849200000L, r.reading.ts);
        assertEquals(3600, r.reading.intervalS);
        assertNull(r.reading.pm25);
        assertNull(r.reading.so2);
        assertEquals(12.5, r.reading.o3);
    }

    @Test
    void minuteReadingInsideTheHourIsAccepted() {
        RawReading r = parse("{\"station\":\"X\",\"ts\":\"2026-11-28T15:01:00+08:00\",\"interval_s\":60,\"pm25\":3}");
        assertNotNull(r.reading);
    }

    @Test
    void eachProblemHasItsReason() {
        assertEquals("unparsable", parse("{\"station\":").reason);
        assertEquals("unparsable", parse("[1,2]").reason);
        assertEquals("missing_field", parse("{\"ts\":1}").reason);
        assertEquals("missing_field", parse("{\"station\":\"X\"}").reason);
        assertEquals("wrong_type", parse("{\"station\":12,\"ts\":1}").reason);
        assertEquals("wrong_type", parse("{\"station\":\"X\",\"ts\":1795849200000,\"pm25\":\"35\"}").reason);
        assertEquals("wrong_type", parse("{\"station\":\"X\",\"ts\":1795849200000,\"interval_s\":\"60\"}").reason);
        assertEquals("bad_timestamp", parse("{\"station\":\"X\",\"ts\":\"2026-11-28T15:00:00\"}").reason);
        assertEquals("bad_interval", parse("{\"station\":\"X\",\"ts\":1795849200000,\"interval_s\":7200}").reason);
        // 15:30 with a one-hour interval covers 14:30-15:30: two hours.
        RawReading straddle = parse("{\"station\":\"X\",\"ts\":\"2026-11-28T15:30:00+08:00\",\"pm25\":3}");
        assertEquals("bad_interval", straddle.reason);
        assertTrue(straddle.detail.contains("straddles"), straddle.detail);
        assertEquals("{\"station\":", parse("{\"station\":").text);
    }
}
