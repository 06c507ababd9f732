package org.airindex.io.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import org.airindex.domain.Pollutant;
import org.airindex.records.DeadLetter.Reason;
import org.airindex.records.RawReading;
import org.airindex.records.Reading;

/**
 * The JSON reading format of STANDARDS.md §7:
 * {@code {"station":"1001A","ts":"2026-11-28T15:00:00+08:00","interval_s":3600,"pm25":35,...}}.
 * Parsing never throws: a record that does not fit comes back rejected with a reason.
 */
public final class ReadingJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int HOUR_S = 3600;

    private ReadingJson() {}

    /** Never throws: whatever the text, a reading or a rejection with its reason. */
    public static RawReading parse(String origin, String text, TimeBounds bounds) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return RawReading.rejected(origin, text, Reason.UNPARSABLE, "not JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            return RawReading.rejected(origin, text, Reason.UNPARSABLE, "not JSON: " + e);
        }
        return fromNode(origin, text, node, bounds);
    }

    /** A reading from an already parsed object (JSON, or a CSV row mapped by its header); never throws. */
    public static RawReading fromNode(String origin, String text, JsonNode node, TimeBounds bounds) {
        try {
            return read(origin, text, node, bounds);
        } catch (RuntimeException e) {
            return RawReading.rejected(origin, text, Reason.UNPARSABLE, "cannot read: " + e);
        }
    }

    private static RawReading read(String origin, String text, JsonNode node, TimeBounds bounds) {
        if (node == null || !node.isObject()) {
            return RawReading.rejected(origin, text, Reason.UNPARSABLE, "not a JSON object");
        }
        JsonNode station = node.get("station");
        if (station == null || station.isNull() || (station.isTextual() && station.asText().isBlank())) {
            return RawReading.rejected(origin, text, Reason.MISSING_FIELD, "station is missing");
        }
        if (!station.isTextual()) {
            return RawReading.rejected(origin, text, Reason.WRONG_TYPE, "station must be a string");
        }
        Reading r = new Reading();
        r.origin = origin;
        r.station = station.asText().trim();

        JsonNode ts = node.get("ts");
        if (ts == null || ts.isNull()) {
            return RawReading.rejected(origin, text, Reason.MISSING_FIELD, "ts is missing");
        }
        if (ts.isIntegralNumber()) {
            if (!ts.canConvertToLong()) {
                return RawReading.rejected(origin, text, Reason.BAD_TIMESTAMP, "ts is beyond any time: " + ts.asText());
            }
            r.ts = ts.asLong();
        } else if (ts.isTextual()) {
            try {
                r.ts = OffsetDateTime.parse(ts.asText().trim()).toInstant().toEpochMilli();
            } catch (DateTimeException | ArithmeticException e) {
                return RawReading.rejected(origin, text, Reason.BAD_TIMESTAMP,
                        "ts must be ISO-8601 with an offset or epoch milliseconds: " + ts.asText());
            }
        } else {
            return RawReading.rejected(origin, text, Reason.WRONG_TYPE, "ts must be a string or an integer");
        }

        String implausible = bounds.problem(r.ts);
        if (implausible != null) {
            return RawReading.rejected(origin, text, Reason.BAD_TIMESTAMP, implausible);
        }

        JsonNode interval = node.get("interval_s");
        if (interval != null && !interval.isNull()) {
            if (!interval.isIntegralNumber()) {
                return RawReading.rejected(origin, text, Reason.WRONG_TYPE, "interval_s must be an integer");
            }
            if (!interval.canConvertToInt()) {
                return RawReading.rejected(origin, text, Reason.BAD_INTERVAL, "interval_s is out of range: " + interval.asText());
            }
            r.intervalS = interval.asInt();
        }
        String intervalProblem = intervalProblem(r.ts, r.intervalS);
        if (intervalProblem != null) {
            return RawReading.rejected(origin, text, Reason.BAD_INTERVAL, intervalProblem);
        }

        for (Pollutant p : Pollutant.values()) {
            JsonNode v = node.get(p.code());
            if (v == null || v.isNull()) {
                continue;
            }
            if (!v.isNumber()) {
                return RawReading.rejected(origin, text, Reason.WRONG_TYPE, p.code() + " must be a number: " + v);
            }
            if (!Double.isFinite(v.asDouble())) {
                return RawReading.rejected(origin, text, Reason.WRONG_TYPE, p.code() + " is not a finite number: " + v);
            }
            r.set(p, v.asDouble());
        }
        return RawReading.parsed(origin, text, r);
    }

    /** The reading in the same format, for dead letters raised after parsing. */
    public static String write(Reading r) {
        var node = MAPPER.createObjectNode();
        node.put("station", r.station);
        node.put("ts", java.time.Instant.ofEpochMilli(r.ts).toString());
        node.put("interval_s", r.intervalS);
        for (Pollutant p : Pollutant.values()) {
            if (r.get(p) != null) {
                node.put(p.code(), r.get(p));
            }
        }
        return node.toString();
    }

    /**
     * Hourly values are built from readings that each lie inside one clock hour, so a reading may
     * not straddle an hour boundary (hours are whole hours of UTC, which are whole local hours for
     * any whole-hour zone such as Asia/Shanghai).
     */
    static String intervalProblem(long tsMillis, int intervalS) {
        if (intervalS < 1 || intervalS > HOUR_S) {
            return "interval_s must be between 1 and 3600, not " + intervalS;
        }
        long intoHour = Math.floorMod(tsMillis, HOUR_S * 1000L);
        long hourStart = tsMillis - (intoHour == 0 ? HOUR_S * 1000L : intoHour);
        if (tsMillis - intervalS * 1000L < hourStart) {
            return "interval of " + intervalS + " s ending at " + tsMillis + " straddles an hour boundary";
        }
        return null;
    }
}
