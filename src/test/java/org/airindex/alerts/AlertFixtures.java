package org.airindex.alerts;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.domain.alerts.AlertRules;
import org.airindex.records.HourlyValue;

/** The project's conf/alerts.yaml, hour builders and a compact view of alert events. */
final class AlertFixtures {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final AlertRules RULES = AlertRules.load(Path.of("conf/alerts.yaml"));
    static final long H = 3_600_000L;
    /** Midnight before hour 1 of the test data (2026 rules). */
    static final long T0 = LocalDateTime.parse("2026-11-01T00:00").atZone(ZONE).toInstant().toEpochMilli();
    static final String XIAODIAN = "山西省/太原市/小店区";

    private AlertFixtures() {
    }

    static long hour(int i) {
        return T0 + i * H;
    }

    static HourlyValue county(int hour, Double pm25, Integer aqi) {
        HourlyValue v = place(HourlyValue.COUNTY, hour);
        v.pm25 = pm25;
        v.aqi = aqi;
        return v;
    }

    static HourlyValue station(String code, int hour, Double pm25, Double pm10) {
        HourlyValue v = place(HourlyValue.STATION, hour);
        v.station = code;
        v.pm25 = pm25;
        v.pm10 = pm10;
        return v;
    }

    private static HourlyValue place(String level, int hour) {
        HourlyValue v = new HourlyValue();
        v.level = level;
        v.province = "山西省";
        v.city = "太原市";
        v.county = "小店区";
        v.hourEnd = hour(hour);
        return v;
    }

    /** "type phase level @hour" per event, for whole-sequence assertions. */
    static List<String> brief(List<AlertEvent> events) {
        return events.stream().map(e -> e.type() + (e.station() == null ? "" : " " + e.station()) + " " + e.phase()
                + " " + e.level() + " @" + (e.at() - T0) / H).toList();
    }
}
