package org.airindex.domain.alerts;

import java.time.ZoneId;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A run of a place's published hourly AQI above a configured value (e.g. county AQI > 200 for 3
 * hours). An hour whose AQI is withheld (publication rule) ends the run: it is not known to be above.
 */
public final class HourlyThresholdRule {
    public static final String TYPE_PREFIX = "hourly.";

    private HourlyThresholdRule() {
    }

    /** @param aqi published hourly AQI keyed by hour end; absent = not published */
    public static Condition evaluate(AlertRules.HourlyThreshold cfg, NavigableMap<Long, Integer> aqi, String place,
            long t, ZoneId zone) {
        int run = Runs.length(aqi, t, x -> x > cfg.aqiAbove);
        Map<String, Object> values = Texts.map();
        values.put("aqi", aqi.get(t));
        values.put("hours_over_" + cfg.aqiAbove, run);
        String type = TYPE_PREFIX + cfg.name;
        String at = Texts.time(t, zone);
        if (run < cfg.hours) {
            return new Condition(type, place, null, 0, null, t - Runs.HOUR_MS, Texts.values(values),
                    place + " " + at + " 小时AQI " + aqi.get(t) + "，不再连续" + cfg.hours + "小时超过" + cfg.aqiAbove
                            + Texts.OBSERVED_ZH + "。",
                    place + " " + at + ": hourly AQI " + aqi.get(t) + ", no longer above " + cfg.aqiAbove + " for "
                            + cfg.hours + " h" + Texts.OBSERVED_EN + ".");
        }
        return new Condition(type, place, null, 1, cfg.name, Runs.start(t, run), Texts.values(values),
                place + " " + at + " 小时AQI已连续" + run + "小时超过" + cfg.aqiAbove + "（当前 " + aqi.get(t) + "）"
                        + Texts.OBSERVED_ZH + "。",
                place + " " + at + ": hourly AQI above " + cfg.aqiAbove + " for " + run + " h (now " + aqi.get(t) + ")"
                        + Texts.OBSERVED_EN + ".");
    }
}
