package org.airindex.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Means and percentiles over a series of unrounded values (STANDARDS.md §1, §3, §4).
 * Implausible values (null, NaN, negative, above the bound) are counted as invalid and left out,
 * never clipped. Sums are exact ({@link ExactSum}) so a mean does not depend on the order values
 * arrive in, which matters when it lands on a rounding boundary such as 34.5.
 */
public final class Statistics {
    private Statistics() {
    }

    /** Arithmetic mean of values already known valid; null for none. */
    public static Double mean(Collection<Double> values) {
        ExactSum sum = new ExactSum();
        for (Double v : values) {
            sum.add(v);
        }
        return sum.mean();
    }

    /** The plausible values of a series, in order. */
    public static List<Double> validValues(Pollutant p, Collection<Double> values, Validity v) {
        List<Double> out = new ArrayList<>();
        for (Double x : values) {
            if (v.plausible(p, x)) {
                out.add(x);
            }
        }
        return out;
    }

    public static Statistic meanOf(Pollutant p, Collection<Double> values, Validity v, IntPredicate validWhen) {
        List<Double> ok = validValues(p, values, v);
        int invalid = countPresent(values) - ok.size();
        return new Statistic(mean(ok), ok.size(), invalid, validWhen.test(ok.size()));
    }

    public static Statistic percentileOf(Pollutant p, Collection<Double> values, double pct, Validity v,
                                         IntPredicate validWhen) {
        List<Double> ok = validValues(p, values, v);
        int invalid = countPresent(values) - ok.size();
        Double value = ok.isEmpty() ? null : Percentile.of(ok.stream().mapToDouble(Double::doubleValue).toArray(), pct);
        return new Statistic(value, ok.size(), invalid, validWhen.test(ok.size()));
    }

    /** 1-hour value from the minute values of the hour (valid with ≥ min_minutes_per_hour). */
    public static Statistic hourlyMean(Pollutant p, Collection<Double> minutes, Validity v) {
        return meanOf(p, minutes, v, v::hourValid);
    }

    /**
     * The composite-index inputs C_i of a period from a place's daily series (STANDARDS.md §3, §4):
     * means of SO2, NO2, PM10, PM2.5 daily means; the rule-set's percentile of CO daily means and of
     * O3 daily max 8h (series given under {@link Pollutant#O3}). A pollutant without valid days is null.
     * Period validity (months, year) is judged separately with {@link Validity}.
     */
    public static PeriodValues periodValues(RuleSet rs, Map<Pollutant, ? extends Collection<Double>> daily) {
        Validity v = rs.validity();
        Map<Pollutant, Double> c = new EnumMap<>(Pollutant.class);
        for (Pollutant p : Pollutant.values()) {
            Collection<Double> series = daily.get(p);
            if (series == null) {
                continue;
            }
            Statistic s = switch (p) {
                case CO -> percentileOf(p, series, rs.coPercentile(), v, n -> true);
                case O3 -> percentileOf(p, series, rs.o3Percentile(), v, n -> true);
                default -> meanOf(p, series, v, n -> true);
            };
            c.put(p, s.value());
        }
        return PeriodValues.of(c.get(Pollutant.SO2), c.get(Pollutant.NO2), c.get(Pollutant.PM10),
                c.get(Pollutant.PM25), c.get(Pollutant.CO), c.get(Pollutant.O3));
    }

    /** 24-hour mean from the 1-hour values of a day (valid with ≥ min_hours_per_day). */
    public static Statistic dailyMean(Pollutant p, Collection<Double> hourly, Validity v) {
        return meanOf(p, hourly, v, v::dayValid);
    }

    /** Monthly mean from the daily series (valid with ≥ min_days_per_month, February min_days_february). */
    public static Statistic monthlyMean(Pollutant p, YearMonth month, Collection<Double> daily, Validity v) {
        return meanOf(p, daily, v, n -> v.monthValid(month, n));
    }

    public static Statistic monthlyPercentile(Pollutant p, YearMonth month, Collection<Double> daily, double pct,
                                              Validity v) {
        return percentileOf(p, daily, pct, v, n -> v.monthValid(month, n));
    }

    /** Annual mean from the daily series; valid with ≥ min_days_per_year and every month valid. */
    public static Statistic annualMean(Pollutant p, Collection<Double> daily, boolean everyMonthValid, Validity v) {
        return meanOf(p, daily, v, n -> v.yearValid(n, everyMonthValid));
    }

    public static Statistic annualPercentile(Pollutant p, Collection<Double> daily, double pct,
                                             boolean everyMonthValid, Validity v) {
        return percentileOf(p, daily, pct, v, n -> v.yearValid(n, everyMonthValid));
    }

    private static int countPresent(Collection<Double> values) {
        int n = 0;
        for (Double x : values) {
            if (x != null) {
                n++;
            }
        }
        return n;
    }
}
