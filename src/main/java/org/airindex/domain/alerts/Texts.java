package org.airindex.domain.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Formatting shared by the alert messages: numbers, local times and the {@code values} field. */
final class Texts {
    /** STANDARDS.md §5: warning conditions are observed, not forecast, and every alert says so. */
    static final String OBSERVED_ZH = "（观测，非预报）";
    static final String OBSERVED_EN = " (observed, not a forecast)";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Texts() {
    }

    /** Up to two decimals without trailing zeros, so messages show 35, 4.57, 0.8. */
    static String num(Double v) {
        if (v == null) {
            return "NA";
        }
        if (!Double.isFinite(v)) {
            return v.toString();
        }
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    static String time(long epochMs, ZoneId zone) {
        return LOCAL.format(Instant.ofEpochMilli(epochMs).atZone(zone));
    }

    /** {@code key=value;…} in insertion order, numbers as {@link #num}. */
    static String values(Map<String, ?> values) {
        StringJoiner j = new StringJoiner(";");
        values.forEach((k, v) -> j.add(k + "=" + (v instanceof Double d ? num(d) : v == null ? "NA" : v.toString())));
        return j.toString();
    }

    static Map<String, Object> map() {
        return new LinkedHashMap<>();
    }
}
