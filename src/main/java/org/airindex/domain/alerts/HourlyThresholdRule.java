package org.airindex.domain.alerts;

import java.time.ZoneId;
import java.util.Map;

/**
 * A run of a place's published hourly AQI above a configured value (e.g. county AQI > 200 for 3
 * hours). An hour whose AQI is withheld (publication rule) ends the run: it is not known to be above.
 */
public final class HourlyThresholdRule {
    public static final String TYPE_PREFIX = "hourly.";

    private HourlyThresholdRule() {
    }

    /** @param aqi published hourly AQI by hour end; absent = not published */
    public static Condition evaluate(AlertRules.HourlyThreshold cfg, HourSeries<Integer> aqi, String place,
            long t, ZoneId zone) {
        int run = Runs.length(aqi, t, x -> x > cfg.aqiAbove);
        Integer now = aqi.at(t);
        String type = TYPE_PREFIX + cfg.name;
        if (run < cfg.hours) {
            return new Condition(type, place, null, 0, null, t - Runs.HOUR_MS, () -> {
                String at = Texts.time(t, zone);
                return new Condition.Text(values(cfg, now, run),
                        place + " " + at + " 小时AQI " + now + "，不再连续" + cfg.hours + "小时超过" + cfg.aqiAbove
                                + Texts.OBSERVED_ZH + "。",
                        place + " " + at + ": hourly AQI " + now + ", no longer above " + cfg.aqiAbove + " for "
                                + cfg.hours + " h" + Texts.OBSERVED_EN + ".");
            });
        }
        return new Condition(type, place, null, 1, cfg.name, Runs.start(t, run), () -> {
            String at = Texts.time(t, zone);
            return new Condition.Text(values(cfg, now, run),
                    place + " " + at + " 小时AQI已连续" + run + "小时超过" + cfg.aqiAbove + "（当前 " + now + "）"
                            + Texts.OBSERVED_ZH + "。",
                    place + " " + at + ": hourly AQI above " + cfg.aqiAbove + " for " + run + " h (now " + now + ")"
                            + Texts.OBSERVED_EN + ".");
        });
    }

    private static String values(AlertRules.HourlyThreshold cfg, Integer now, int run) {
        Map<String, Object> values = Texts.map();
        values.put("aqi", now);
        values.put("hours_over_" + cfg.aqiAbove, run);
        return Texts.values(values);
    }
}
