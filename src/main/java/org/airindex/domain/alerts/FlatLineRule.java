package org.airindex.domain.alerts;

import java.time.ZoneId;
import java.util.Map;
import org.airindex.domain.HourlyValues;
import org.airindex.domain.Pollutant;

/**
 * A station reporting exactly the same value of a pollutant hour after hour: real air always moves a
 * little, so a flat line points to a stuck analyser or a repeated record. Near the detection limit
 * it does not (clean air repeats one small reading), so values below the configured minimum are not judged.
 */
public final class FlatLineRule {
    public static final String TYPE_PREFIX = "flat_line.";

    private FlatLineRule() {
    }

    public static Condition evaluate(AlertRules.FlatLine cfg, Pollutant p, HourSeries<HourlyValues> hours,
            String place, String station, long t, ZoneId zone) {
        HourlyValues now = hours.at(t);
        Double value = now == null ? null : now.get(p);
        boolean judged = value != null && value >= cfg.minValue.getOrDefault(p, 0.0);
        int run = judged ? Runs.length(hours, t, h -> value.equals(h.get(p))) : 0;
        String type = TYPE_PREFIX + p.code();
        if (run < cfg.hours) {
            return new Condition(type, place, station, 0, null, t - Runs.HOUR_MS, () -> {
                String at = Texts.time(t, zone);
                return new Condition.Text(values(p, value, run),
                        "站点 " + station + "（" + place + "）" + p.code() + " 数据在 " + at + " 恢复变化。",
                        "Station " + station + " (" + place + "): " + p.code() + " varies again at " + at + ".");
            });
        }
        return new Condition(type, place, station, 1, "suspect", Runs.start(t, run), () -> {
            String at = Texts.time(t, zone);
            return new Condition.Text(values(p, value, run),
                    "站点 " + station + "（" + place + "）" + p.code() + " 已连续" + run + "小时为同一数值 "
                            + Texts.num(value) + "（截至 " + at + "），疑似仪器故障。",
                    "Station " + station + " (" + place + "): " + p.code() + " has been exactly " + Texts.num(value)
                            + " for " + run + " h (to " + at + "), suspect analyser.");
        });
    }

    private static String values(Pollutant p, Double value, int run) {
        Map<String, Object> values = Texts.map();
        values.put(p.code(), value);
        values.put("hours_same", run);
        return Texts.values(values);
    }
}
