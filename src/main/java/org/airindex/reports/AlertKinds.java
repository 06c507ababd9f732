package org.airindex.reports;

import java.util.Comparator;

/**
 * How reports group alert types: pollution (episodes and hourly AQI thresholds of a place), targets at risk
 * (bottom-N and fine-risk alerts of the province's comparisons) and suspicious data (the rules on a station's
 * or county's readings: flat lines, silence, jumps, PM2.5 above PM10, instrument caps).
 */
final class AlertKinds {
    /** The order reports list alerts in: by start, place, type, then id, whatever order the store gave. */
    static final Comparator<Results.Alert> ORDER = Comparator.comparing(Results.Alert::start)
            .thenComparing(Results.Alert::place).thenComparing(Results.Alert::type).thenComparing(Results.Alert::id);

    private AlertKinds() {
    }

    static boolean pollution(String type) {
        return type.equals("episode") || type.startsWith("hourly.");
    }

    static boolean target(String type) {
        return type.startsWith("bottom_n") || type.startsWith("fine_risk");
    }

    static boolean suspiciousData(String type) {
        return !pollution(type) && !target(type);
    }

    /** The alert's local start day: its start is local time with offset, e.g. 2026-08-01T00:00:00+08:00. */
    static String startDay(Results.Alert a) {
        return a.start().length() >= 10 ? a.start().substring(0, 10) : a.start();
    }
}
