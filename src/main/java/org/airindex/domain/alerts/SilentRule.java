package org.airindex.domain.alerts;

import java.time.ZoneId;
import java.util.Map;

/** A station that has sent no hourly value for the configured number of hours. */
public final class SilentRule {
    public static final String TYPE = "silent";

    private SilentRule() {
    }

    /**
     * @param lastHour end of the station's latest hour with a value
     * @param t        the event time now (the watermark)
     */
    public static Condition evaluate(AlertRules.Silent cfg, long lastHour, String place, String station, long t,
            ZoneId zone) {
        long silentHours = (t - lastHour) / Runs.HOUR_MS;
        if (silentHours < cfg.hours) {
            return new Condition(TYPE, place, station, 0, null, lastHour - Runs.HOUR_MS, () -> {
                String last = Texts.time(lastHour, zone);
                return new Condition.Text(values(last, silentHours),
                        "站点 " + station + "（" + place + "）已恢复数据（" + last + "）。",
                        "Station " + station + " (" + place + ") reports again (" + last + ").");
            });
        }
        return new Condition(TYPE, place, station, 1, "silent", lastHour, () -> {
            String last = Texts.time(lastHour, zone);
            return new Condition.Text(values(last, silentHours),
                    "站点 " + station + "（" + place + "）自 " + last + " 起已" + silentHours + "小时无数据。",
                    "Station " + station + " (" + place + ") has sent no data for " + silentHours + " h since "
                            + last + ".");
        });
    }

    private static String values(String lastHour, long silentHours) {
        Map<String, Object> values = Texts.map();
        values.put("last_hour", lastHour);
        values.put("hours_silent", silentHours);
        return Texts.values(values);
    }
}
