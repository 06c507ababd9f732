package org.airindex.io.influx;

import java.util.Map;
import java.util.Optional;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;

/**
 * Builds one line-protocol line with influxdb-client-java's {@link Point}, which escapes commas, spaces,
 * equals signs, quotes and backslashes, and refuses what Point would turn into a wrong point.
 */
public final class Lines {

    private Lines() {
    }

    /**
     * @param tags identify the series; together with the timestamp they make a rewrite replace the point
     * @param fields Double/Float become floats, Integer/Long/Short/Byte {@code i} integers, Boolean booleans
     *     and String quoted strings; null and non-finite values are left out (line protocol has no NaN)
     * @return empty when no field is left, because a point without fields cannot be written
     * @throws IllegalArgumentException for an empty tag value (Point would drop the tag and merge series),
     *     a line break anywhere (InfluxDB 1.x splits lines before reading quotes) or a name ending in a
     *     backslash (the backslash would escape the following separator)
     */
    public static Optional<String> line(String measurement, Map<String, String> tags, Map<String, ?> fields,
            long epochSeconds) {
        Point point = Point.measurement(checkName("measurement", measurement));
        tags.forEach((key, value) -> {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("tag " + key + " has no value");
            }
            point.addTag(checkName("tag key", key), checkName("tag value", value));
        });
        fields.forEach((key, value) -> addField(point, checkName("field key", key), value));
        if (!point.hasFields()) {
            return Optional.empty();
        }
        return Optional.of(point.time(epochSeconds, WritePrecision.S).toLineProtocol());
    }

    private static void addField(Point point, String key, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                point.addField(key, d);
            }
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            point.addField(key, ((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            point.addField(key, b.booleanValue());
        } else if (value instanceof String s) {
            point.addField(key, checkLineBreaks("string field " + key, s));
        } else {
            throw new IllegalArgumentException("field " + key + " has unsupported type " + value.getClass().getName());
        }
    }

    private static String checkName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (name.endsWith("\\")) {
            throw new IllegalArgumentException(what + " must not end with a backslash: " + name);
        }
        return checkLineBreaks(what, name);
    }

    private static String checkLineBreaks(String what, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " must not contain a line break: " + value);
        }
        return value;
    }
}
