package org.airindex.domain.alerts;

import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.airindex.domain.DailyValues;
import org.airindex.domain.HourlyValues;
import org.airindex.domain.O3EightHour;
import org.airindex.domain.Pollutant;
import org.airindex.domain.RuleSet;
import org.airindex.domain.Statistic;
import org.airindex.domain.Statistics;
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

    /** @return null when the AQI cannot be given (publication rule) */
    public static Integer at(RuleSet rs, HourSeries<HourlyValues> hours, long t) {
        Validity v = rs.validity();
        int span = lookbackHours(v);
        // Each hour is read once: every statistic below is a slice of these columns.
        HourlyValues[] read = new HourlyValues[span];
        for (int i = 0; i < span; i++) {
            read[i] = hours.at(t - (span - 1 - i) * Runs.HOUR_MS);
        }
        Double[] day = new Double[Pollutant.values().length];
        for (Pollutant p : Pollutant.values()) {
            if (p != Pollutant.O3) {
                Statistic s = Statistics.dailyMean(p, column(read, p).subList(span - HOURS, span), v);
                day[p.ordinal()] = s.valid() ? s.value() : null;
            }
        }
        List<Double> o3 = column(read, Pollutant.O3);
        Double o3Max = null;
        int windows = 0;
        for (Double mean : O3EightHour.movingMeans(o3, v)) {
            if (mean != null) {
                windows++;
                o3Max = o3Max == null ? mean : Math.max(o3Max, mean);
            }
        }
        List<Double> o3Hours = Statistics.validValues(Pollutant.O3, o3.subList(span - HOURS, span), v);
        Double o3OneHourMax = v.dayValid(o3Hours.size())
                ? o3Hours.stream().mapToDouble(Double::doubleValue).max().orElseThrow() : null;
        DailyValues d = DailyValues.of(day[Pollutant.SO2.ordinal()], day[Pollutant.NO2.ordinal()],
                day[Pollutant.CO.ordinal()], day[Pollutant.PM10.ordinal()], day[Pollutant.PM25.ordinal()],
                v.o3DailyMaxValid(windows, o3Max) ? o3Max : null, o3OneHourMax);
        return rs.dailyAqi(d).aqi();
    }

    /** One pollutant's values of the hours read, null where an hour or its value is missing. */
    private static List<Double> column(HourlyValues[] hours, Pollutant p) {
        Double[] values = new Double[hours.length];
        for (int i = 0; i < hours.length; i++) {
            values[i] = hours[i] == null ? null : hours[i].get(p);
        }
        return Arrays.asList(values);
    }
}
