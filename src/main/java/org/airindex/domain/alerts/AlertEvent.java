package org.airindex.domain.alerts;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One change in an alert's life: it opened, escalated or closed. Downstream warning systems key on
 * {@link #id}, which is derived from type, place, station and start only, so a replay or a restart
 * from a checkpoint gives the same alert the same id.
 *
 * @param type      rule that raised it, e.g. {@code episode}, {@code flat_line.pm25}, {@code bottom_n.composite}
 * @param level     1 = lowest; rules with named levels (yellow, orange, red) give the name in {@code levelName}
 * @param place     place key ({@code province/city/county}, or shorter); for station alerts the station's county
 * @param station   station code, null for place alerts
 * @param phase     {@link #OPEN}, {@link #ESCALATE} or {@link #CLOSE}
 * @param start     when the condition began, epoch ms
 * @param end       when the condition cleared (close events only), epoch ms
 * @param at        event time of this change, epoch ms
 * @param values    the values that triggered (or, on close, cleared) the alert, {@code key=value;…}
 */
public record AlertEvent(String id, String type, int level, String levelName, String place, String station,
        String phase, long start, Long end, long at, String values, String messageZh, String messageEn)
        implements Serializable {
    public static final String OPEN = "open";
    public static final String ESCALATE = "escalate";
    public static final String CLOSE = "close";

    /** Name-based (v3) UUID: deterministic, ASCII, and safe as a Kafka key and an InfluxDB field. */
    public static String idOf(String type, String place, String station, long start) {
        String name = type + "|" + place + "|" + (station == null ? "" : station) + "|" + start;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
