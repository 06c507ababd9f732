package org.airindex.io.influx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The points a recomputed result replaces: those of one measurement at one time whose tags include
 * {@code tags}. InfluxDB merges a rewritten point's fields into the old ones and keeps points nobody
 * writes again, so a value that became missing, or a gap or note that no longer applies, would stay
 * next to the new result; the sink deletes them first.
 *
 * <p>It travels to the sink among the lines as a line-protocol comment ({@code #replace {json}}),
 * which InfluxDB itself would ignore.
 */
public record Replace(String measurement, Map<String, String> tags, long epochSeconds) implements Serializable {
    private static final String PREFIX = "#replace ";
    private static final ObjectMapper JSON = new ObjectMapper();

    public Replace {
        tags = new LinkedHashMap<>(tags);
    }

    public String line() {
        try {
            return PREFIX + JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The replace a line stands for; empty for a point. */
    public static Optional<Replace> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(line.substring(PREFIX.length()), Replace.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a replace: " + line, e);
        }
    }

    /** InfluxDB 1.x: a DELETE statement (it takes tag conditions and a time, not field conditions). */
    public String influxQl() {
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "");
        tags.forEach((k, v) -> where.add(InfluxQl.identifier(k) + " = " + InfluxQl.literal(v)));
        where.add("time = " + epochSeconds + "s");
        return "DELETE FROM " + InfluxQl.identifier(measurement) + where;
    }

    /** InfluxDB 2.x: the predicate of {@code /api/v2/delete} (values double-quoted, backslash-escaped). */
    public String predicate() {
        StringJoiner and = new StringJoiner(" AND ");
        and.add("_measurement=" + quoted(measurement));
        tags.forEach((k, v) -> and.add(k + "=" + quoted(v)));
        return and.toString();
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
