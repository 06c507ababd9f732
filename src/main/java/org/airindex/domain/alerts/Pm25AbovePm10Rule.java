package org.airindex.domain.alerts;

import java.time.ZoneId;
import java.util.Map;
import org.airindex.domain.HourlyValues;

/** PM2.5 is a fraction of PM10, so a station measuring more PM2.5 than PM10 has a measurement fault. */
public final class Pm25AbovePm10Rule {
    public static final String TYPE = "pm25_above_pm10";

    private Pm25AbovePm10Rule() {
    }

    public static Condition evaluate(AlertRules.Pm25AbovePm10 cfg, HourSeries<HourlyValues> hours,
            String place, String station, long t, ZoneId zone) {
        int run = Runs.length(hours, t, h -> h.pm25() != null && h.pm10() != null && h.pm25() > h.pm10());
        HourlyValues now = hours.at(t);
        Double pm25 = now == null ? null : now.pm25();
        Double pm10 = now == null ? null : now.pm10();
        if (run < cfg.hours) {
            return new Condition(TYPE, place, station, 0, null, t - Runs.HOUR_MS, () -> {
                String at = Texts.time(t, zone);
                return new Condition.Text(values(pm25, pm10, run),
                        "站点 " + station + "（" + place + "）" + at + " PM2.5 不再高于 PM10。",
                        "Station " + station + " (" + place + "): PM2.5 no longer above PM10 at " + at + ".");
            });
        }
        return new Condition(TYPE, place, station, 1, "suspect", Runs.start(t, run), () -> {
            String at = Texts.time(t, zone);
            return new Condition.Text(values(pm25, pm10, run),
                    "站点 " + station + "（" + place + "）PM2.5 已连续" + run + "小时高于 PM10（" + at + "：PM2.5 "
                            + Texts.num(pm25) + "，PM10 " + Texts.num(pm10) + "），数据可疑。",
                    "Station " + station + " (" + place + "): PM2.5 above PM10 for " + run + " h (" + at + ": PM2.5 "
                            + Texts.num(pm25) + ", PM10 " + Texts.num(pm10) + "), suspect data.");
        });
    }

    private static String values(Double pm25, Double pm10, int run) {
        Map<String, Object> values = Texts.map();
        values.put("pm25", pm25);
        values.put("pm10", pm10);
        values.put("hours", run);
        return Texts.values(values);
    }
}
