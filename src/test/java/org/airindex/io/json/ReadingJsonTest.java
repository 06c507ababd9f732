package org.airindex.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.airindex.records.RawReading;
import org.junit.jupiter.api.Test;

class ReadingJsonTest {

    private static RawReading parse(String json) {
        return ReadingJson.parse("t-0@7", json);
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
