package org.airindex.domain.alerts;

import java.time.ZoneId;
import java.util.Map;
import org.airindex.domain.HourlyValues;
import org.airindex.domain.Pollutant;

/**
 * A value at the analyser's full scale is a saturated reading, not a measurement: the true value may
 * be anything above it. Caps are the configured full-scale values per pollutant.
 */
public final class InstrumentCapRule {
    public static final String TYPE_PREFIX = "instrument_cap.";

    private InstrumentCapRule() {
    }

    public static Condition evaluate(AlertRules.InstrumentCap cfg, Pollutant p, HourSeries<HourlyValues> hours,
            String place, String station, long t, ZoneId zone) {
        double cap = cfg.caps.get(p);
        int run = Runs.length(hours, t, h -> h.get(p) != null && h.get(p) >= cap);
        HourlyValues now = hours.at(t);
        Double value = now == null ? null : now.get(p);
        String type = TYPE_PREFIX + p.code();
        if (run < cfg.hours) {
            return new Condition(type, place, station, 0, null, t - Runs.HOUR_MS, () -> {
                String at = Texts.time(t, zone);
                return new Condition.Text(values(p, value, cap, run),
                        "站点 " + station + "（" + place + "）" + p.code() + " 在 " + at + " 低于仪器量程上限 "
                                + Texts.num(cap) + "。",
                        "Station " + station + " (" + place + "): " + p.code() + " below the instrument cap "
                                + Texts.num(cap) + " at " + at + ".");
            });
        }
        return new Condition(type, place, station, 1, "suspect", Runs.start(t, run), () -> {
            String at = Texts.time(t, zone);
            return new Condition.Text(values(p, value, cap, run),
                    "站点 " + station + "（" + place + "）" + p.code() + " " + Texts.num(value) + " 达到仪器量程上限 "
                            + Texts.num(cap) + "（" + run + "小时，截至 " + at + "），实际浓度可能更高。",
                    "Station " + station + " (" + place + "): " + p.code() + " " + Texts.num(value)
                            + " at the instrument cap " + Texts.num(cap) + " (" + run + " h to " + at
                            + "); the true value may be higher.");
        });
    }

    private static String values(Pollutant p, Double value, double cap, int run) {
        Map<String, Object> values = Texts.map();
        values.put(p.code(), value);
        values.put("cap", cap);
        values.put("hours", run);
        return Texts.values(values);
    }
}
