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
 * never clipped. A value is a double (the decimal it denotes, see {@link Exact#of(double)}) or an
 * {@link Exact}; every statistic is exact, so it does not depend on the order values arrive in and
 * rounds right when it lands on a rounding boundary such as 34.5.
 */
public final class Statistics {
    private Statistics() {
    }

    /** Exact arithmetic mean of values already known valid; null for none. */
    public static Exact mean(Collection<? extends Number> values) {
        ExactSum sum = new ExactSum();
        for (Number v : values) {
            sum.add(v);
        }
        return sum.exactMean();
    }

    /** The plausible values of a series, in order. */
    public static <N extends Number> List<N> validValues(Pollutant p, Collection<N> values, Validity v) {
        List<N> out = new ArrayList<>();
        for (N x : values) {
            if (x != null && v.plausible(p, x.doubleValue())) {
                out.add(x);
            }
        }
        return out;
    }

    public static Statistic meanOf(Pollutant p, Collection<? extends Number> values, Validity v, IntPredicate validWhen) {
        List<? extends Number> ok = validValues(p, values, v);
        int invalid = countPresent(values) - ok.size();
        return new Statistic(mean(ok), ok.size(), invalid, validWhen.test(ok.size()));
    }

    public static Statistic percentileOf(Pollutant p, Collection<? extends Number> values, double pct, Validity v,
                                         IntPredicate validWhen) {
        List<? extends Number> ok = validValues(p, values, v);
        int invalid = countPresent(values) - ok.size();
        Exact value = ok.isEmpty() ? null : Percentile.exact(ok, pct);
        return new Statistic(value, ok.size(), invalid, validWhen.test(ok.size()));
    }

    /** 1-hour value from the minute values of the hour (valid with ≥ min_minutes_per_hour). */
    public static Statistic hourlyMean(Pollutant p, Collection<? extends Number> minutes, Validity v) {
        return meanOf(p, minutes, v, v::hourValid);
    }

    /**
     * The composite-index inputs C_i of a period from a place's daily series (STANDARDS.md §3, §4):
     * means of SO2, NO2, PM10, PM2.5 daily means; the rule-set's percentile of CO daily means and of
     * O3 daily max 8h (series given under {@link Pollutant#O3}). A pollutant without valid days is null.
     * Period validity (months, year) is judged separately with {@link Validity}.
     */
    public static PeriodValues periodValues(RuleSet rs, Map<Pollutant, ? extends Collection<? extends Number>> daily) {
        Validity v = rs.validity();
        Map<Pollutant, Exact> c = new EnumMap<>(Pollutant.class);
        for (Pollutant p : Pollutant.values()) {
            Collection<? extends Number> series = daily.get(p);
            if (series == null) {
                continue;
            }
            Statistic s = switch (p) {
                case CO -> percentileOf(p, series, rs.coPercentile(), v, n -> true);
                case O3 -> percentileOf(p, series, rs.o3Percentile(), v, n -> true);
                default -> meanOf(p, series, v, n -> true);
            };
            c.put(p, s.exact());
        }
        return PeriodValues.of(c);
    }

    /** 24-hour mean from the 1-hour values of a day (valid with ≥ min_hours_per_day). */
    public static Statistic dailyMean(Pollutant p, Collection<? extends Number> hourly, Validity v) {
        return meanOf(p, hourly, v, v::dayValid);
    }

    /** Monthly mean from the daily series (valid with ≥ min_days_per_month, February min_days_february). */
    public static Statistic monthlyMean(Pollutant p, YearMonth month, Collection<? extends Number> daily, Validity v) {
        return meanOf(p, daily, v, n -> v.monthValid(month, n));
    }

    public static Statistic monthlyPercentile(Pollutant p, YearMonth month, Collection<? extends Number> daily,
                                              double pct, Validity v) {
        return percentileOf(p, daily, pct, v, n -> v.monthValid(month, n));
    }

    /** Annual mean from the daily series; valid with ≥ min_days_per_year and every month valid. */
    public static Statistic annualMean(Pollutant p, Collection<? extends Number> daily, boolean everyMonthValid,
                                       Validity v) {
        return meanOf(p, daily, v, n -> v.yearValid(n, everyMonthValid));
    }

    public static Statistic annualPercentile(Pollutant p, Collection<? extends Number> daily, double pct,
                                             boolean everyMonthValid, Validity v) {
        return percentileOf(p, daily, pct, v, n -> v.yearValid(n, everyMonthValid));
    }

    private static int countPresent(Collection<? extends Number> values) {
        int n = 0;
        for (Number x : values) {
            if (x != null) {
                n++;
            }
        }
        return n;
    }
}
