package org.airindex.domain.alerts;

import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.function.LongFunction;
import org.airindex.domain.DailyValues;
import org.airindex.domain.ExactSum;
import org.airindex.domain.HourlyValues;
import org.airindex.domain.O3EightHour;
import org.airindex.domain.Pollutant;
import org.airindex.domain.RuleSet;
import org.airindex.domain.Validity;

/**
 * The rolling 24-hour AQI of STANDARDS.md §5: at hour t, the daily-AQI rules of §2 applied to the
 * 24 hours ending at t. 24-hour means are valid with the rule-set's minimum hours; O3 enters as the
 * max of the valid 8-hour moving means ending in those 24 hours (each over t−7..t, so the 7 hours
 * before the window are read too), valid by the rule-set's daily-max rule (enough windows, or a max
 * already above the limit); the O3 1-hour max enters where the rule-set's daily AQI uses it.
 */
public final class RollingAqi {
    static final int HOURS = 24;
    private static final Pollutant[] POLLUTANTS = Pollutant.values();

    private RollingAqi() {
    }

    /** Hours before t a rolling AQI at t reads: the 24 hours plus the 8-hour windows' lead-in. */
    public static int lookbackHours(Validity v) {
        return HOURS + v.o3EightHourWindowHours() - 1;
    }

    /** The rolling AQI at each hour from..to (hour ends, inclusive); hours without one are left out. */
    public static NavigableMap<Long, Integer> series(LongFunction<RuleSet> rulesAt, HourSeries<HourlyValues> hours,
            long from, long to) {
        NavigableMap<Long, Integer> out = new TreeMap<>();
        for (long u = from; u <= to; u += Runs.HOUR_MS) {
            Integer aqi = at(rulesAt.apply(u), hours, u);
            if (aqi != null) {
                out.put(u, aqi);
            }
        }
        return out;
    }

    /**
     * @return null when the AQI cannot be given (publication rule)
     *
     * <p>The means are those of {@link org.airindex.domain.Statistics#dailyMean} and
     * {@link O3EightHour#movingMean} (RollingAqiTest holds this to them), taken here on columns of
     * plain doubles: alert jobs evaluate this at every hour of every place, 24 O3 windows each time.
     */
    public static Integer at(RuleSet rs, HourSeries<HourlyValues> hours, long t) {
        Validity v = rs.validity();
        int span = lookbackHours(v);
        // Each hour is read once, into a column per pollutant: NaN where missing or implausible.
        double[][] columns = new double[POLLUTANTS.length][span];
        for (int i = 0; i < span; i++) {
            HourlyValues h = hours.at(t - (span - 1 - i) * Runs.HOUR_MS);
            for (Pollutant p : POLLUTANTS) {
                Double x = h == null ? null : h.get(p);
                columns[p.ordinal()][i] = v.plausible(p, x) ? x : Double.NaN;
            }
        }
        int dayFrom = span - HOURS;
        Double[] day = new Double[POLLUTANTS.length];
        for (Pollutant p : POLLUTANTS) {
            if (p != Pollutant.O3) {
                day[p.ordinal()] = mean(columns[p.ordinal()], dayFrom, span, v::dayValid);
            }
        }
        double[] o3 = columns[Pollutant.O3.ordinal()];
        int width = v.o3EightHourWindowHours();
        Double o3Max = null;
        int windows = 0;
        // The 8-hour windows slide over the column: each adds its newest hour and removes the oldest of
        // the window before, exactly (ExactSum), instead of summing its 8 hours again.
        ExactSum window = new ExactSum();
        for (int i = dayFrom - width + 1; i < dayFrom; i++) {
            addValid(window, o3[i]);
        }
        for (int end = dayFrom; end < span; end++) {
            addValid(window, o3[end]);
            if (end > dayFrom && !Double.isNaN(o3[end - width])) {
                window.remove(o3[end - width]);
            }
            Double mean = v.o3EightHourValid(window.count()) ? window.mean() : null;
            if (mean != null) {
                windows++;
                o3Max = o3Max == null ? mean : Math.max(o3Max, mean);
            }
        }
        int o3Hours = 0;
        double o3HourMax = Double.NEGATIVE_INFINITY;
        for (int i = dayFrom; i < span; i++) {
            if (!Double.isNaN(o3[i])) {
                o3Hours++;
                o3HourMax = Math.max(o3HourMax, o3[i]);
            }
        }
        DailyValues d = DailyValues.of(day[Pollutant.SO2.ordinal()], day[Pollutant.NO2.ordinal()],
                day[Pollutant.CO.ordinal()], day[Pollutant.PM10.ordinal()], day[Pollutant.PM25.ordinal()],
                v.o3DailyMaxValid(windows, o3Max) ? o3Max : null,
                o3Hours > 0 && v.dayValid(o3Hours) ? o3HourMax : null);
        return rs.dailyAqi(d).aqi();
    }

    /** The exact mean of the valid (non-NaN) values in from..to−1, or null unless their count passes. */
    private static Double mean(double[] column, int from, int to, IntPredicate validWhen) {
        ExactSum sum = new ExactSum();
        for (int i = from; i < to; i++) {
            addValid(sum, column[i]);
        }
        return validWhen.test(sum.count()) ? sum.mean() : null;
    }

    private static void addValid(ExactSum sum, double value) {
        if (!Double.isNaN(value)) {
            sum.add(value);
        }
    }
}
