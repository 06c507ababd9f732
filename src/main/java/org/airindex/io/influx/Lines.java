package org.airindex.io.influx;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one line-protocol line: tags and fields sorted by key, commas, spaces, equals signs, quotes and
 * backslashes escaped, floats in plain decimal notation; it refuses what would make a wrong point. The text
 * is the one influxdb-client-java's {@code Point} writes (LinesTest holds it to Point on generated
 * input); Point formats every float through a {@code NumberFormat}, which took most of the sink's time.
 */
public final class Lines {

    private Lines() {
    }

    /**
     * @param tags identify the series; together with the timestamp they make a rewrite replace the point
     * @param fields Double/Float become floats, Integer/Long/Short/Byte {@code i} integers, Boolean booleans
     *     and String quoted strings; null and non-finite values are left out (line protocol has no NaN)
     * @return empty when no field is left, because a point without fields cannot be written
     * @throws IllegalArgumentException for an empty tag value (it would drop the tag and merge series),
     *     a line break anywhere (InfluxDB 1.x splits lines before reading quotes) or a name ending in a
     *     backslash (the backslash would escape the following separator)
     */
    public static Optional<String> line(String measurement, Map<String, String> tags, Map<String, ?> fields,
            long epochSeconds) {
        StringBuilder out = new StringBuilder(64 + 24 * (tags.size() + fields.size()));
        escape(out, checkName("measurement", measurement), false);
        for (String key : sortedKeys(tags)) {
            String value = tags.get(key);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("tag " + key + " has no value");
            }
            escape(out.append(','), checkName("tag key", key), true);
            escape(out.append('='), checkName("tag value", value), true);
        }
        char separator = ' ';
        for (String key : sortedKeys(fields)) {
            int before = out.length();
            escape(out.append(separator), checkName("field key", key), true);
            if (appendValue(out.append('='), key, fields.get(key))) {
                separator = ',';
            } else {
                out.setLength(before);
            }
        }
        if (separator == ' ') {
            return Optional.empty();
        }
        return Optional.of(out.append(' ').append(epochSeconds).toString());
    }

    private static String[] sortedKeys(Map<String, ?> map) {
        String[] keys = map.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        return keys;
    }

    /** @return false when the value is left out */
    private static boolean appendValue(StringBuilder out, String key, Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return false;
            }
            appendFloat(out, d);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            out.append(((Number) value).longValue()).append('i');
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof String s) {
            checkLineBreaks("string field " + key, s);
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        } else {
            throw new IllegalArgumentException("field " + key + " has unsupported type " + value.getClass().getName());
        }
        return true;
    }

    /**
     * The shortest digits that read back as the same double, in plain notation with at least one fraction
     * digit (InfluxDB 1.x and some v2 servers refuse exponents).
     */
    static void appendFloat(StringBuilder out, double d) {
        String s = Double.toString(d);
        if (s.indexOf('E') < 0) {
            out.append(s);
            return;
        }
        String plain = new BigDecimal(s).stripTrailingZeros().toPlainString();
        out.append(plain);
        if (plain.indexOf('.') < 0) {
            out.append(".0");
        }
    }

    private static void escape(StringBuilder out, String name, boolean equalsSign) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\t' -> out.append("\\t");
                case ' ', ',' -> out.append('\\').append(c);
                case '=' -> {
                    if (equalsSign) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                default -> out.append(c);
            }
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
