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
        Map<String, Object> values = Texts.map();
        values.put("last_hour", Texts.time(lastHour, zone));
        values.put("hours_silent", silentHours);
        if (silentHours < cfg.hours) {
            return new Condition(TYPE, place, station, 0, null, lastHour - Runs.HOUR_MS, Texts.values(values),
                    "站点 " + station + "（" + place + "）已恢复数据（" + Texts.time(lastHour, zone) + "）。",
                    "Station " + station + " (" + place + ") reports again (" + Texts.time(lastHour, zone) + ").");
        }
        return new Condition(TYPE, place, station, 1, "silent", lastHour, Texts.values(values),
                "站点 " + station + "（" + place + "）自 " + Texts.time(lastHour, zone) + " 起已" + silentHours + "小时无数据。",
                "Station " + station + " (" + place + ") has sent no data for " + silentHours + " h since "
                        + Texts.time(lastHour, zone) + ".");
    }
}
