package org.airindex.domain.alerts;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.airindex.domain.HourlyValues;
import org.airindex.domain.Pollutant;

/**
 * A station far above the other stations of its county in the same hour. Stations of one county
 * share the same air mass, so a value many times their median, and well above it in absolute terms,
 * is more likely a local fault or a local source than the county's air. The median of the others
 * (not the mean, not including the station) keeps one other odd station from hiding it.
 */
public final class JumpRule {
    public static final String TYPE_PREFIX = "jump.";

    private JumpRule() {
    }

    /** @param hour the county's stations' 1-hour values of hour t, by station code */
    public static Condition evaluate(AlertRules.Jump cfg, Pollutant p, Map<String, HourlyValues> hour, String place,
            String station, long t, ZoneId zone) {
        HourlyValues own = hour.get(station);
        Double v = own == null ? null : own.get(p);
        List<Double> others = new ArrayList<>();
        hour.forEach((s, h) -> {
            if (!s.equals(station) && h.get(p) != null) {
                others.add(h.get(p));
            }
        });
        Double median = others.size() >= cfg.minOtherStations ? median(others) : null;
        Double minDiff = cfg.minDifference.get(p);
        boolean jump = v != null && median != null && minDiff != null
                && v > cfg.ratio * median && v - median > minDiff;
        String type = TYPE_PREFIX + p.code();
        int n = others.size();
        if (!jump) {
            return new Condition(type, place, station, 0, null, t - Runs.HOUR_MS, () -> {
                String at = Texts.time(t, zone);
                return new Condition.Text(values(p, v, median, n),
                        "站点 " + station + "（" + place + "）" + at + " " + p.code() + " 与本县其他站点一致。",
                        "Station " + station + " (" + place + "): " + p.code() + " consistent with its county at " + at
                                + ".");
            });
        }
        return new Condition(type, place, station, 1, "suspect", t - Runs.HOUR_MS, () -> {
            String at = Texts.time(t, zone);
            return new Condition.Text(values(p, v, median, n),
                    "站点 " + station + "（" + place + "）" + at + " " + p.code() + " 为 " + Texts.num(v) + "，是本县其他"
                            + n + "个站点中位数 " + Texts.num(median) + " 的 " + Texts.num(v / median)
                            + " 倍，与本县不一致。",
                    "Station " + station + " (" + place + ") at " + at + ": " + p.code() + " " + Texts.num(v) + " is "
                            + Texts.num(v / median) + " times the median " + Texts.num(median)
                            + " of the county's other " + n + " stations.");
        });
    }

    private static String values(Pollutant p, Double v, Double median, int otherStations) {
        Map<String, Object> values = Texts.map();
        values.put(p.code(), v);
        values.put("county_median", median);
        values.put("other_stations", otherStations);
        return Texts.values(values);
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
