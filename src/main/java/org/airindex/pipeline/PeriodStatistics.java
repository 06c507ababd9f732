package org.airindex.pipeline;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.airindex.domain.CompositeIndex;
import org.airindex.domain.PeriodValues;
import org.airindex.domain.Pollutant;
import org.airindex.domain.RuleSet;
import org.airindex.domain.Statistic;
import org.airindex.domain.Statistics;
import org.airindex.domain.Validity;
import org.airindex.records.DailyValue;
import org.airindex.records.PeriodValue;

/**
 * Period-to-date statistics from a place's daily series (STANDARDS.md §3–§4): means of SO2, NO2,
 * PM10, PM2.5, the CO 95th and O3-8h 90th percentiles of the daily values, the composite index
 * with shares, valid-day counts. Plain Java: the same code serves the stream and the tests.
 *
 * <p>A period still in progress is valid when the days missing so far would still allow the
 * full period to be valid, i.e. the rule is applied counting the days to come as valid; at the
 * period's end that is exactly the monthly/annual rule of §1.
 */
public final class PeriodStatistics {
    private PeriodStatistics() {}

    /**
     * @param days the place's daily rows from {@code start} to {@code asOf} (others are ignored)
     */
    public static PeriodValue compute(RuleSet rs, String kind, LocalDate start, LocalDate asOf, List<DailyValue> days) {
        LocalDate end = kind.equals(PeriodValue.MONTH) ? YearMonth.from(start).atEndOfMonth()
                : LocalDate.of(start.getYear(), 12, 31);
        // ISO dates order as strings: no parsing on this path, which replay runs for every day of every place.
        String from = start.toString();
        String to = asOf.toString();
        List<DailyValue> in = new ArrayList<>();
        for (DailyValue d : days) {
            if (d.date.compareTo(from) >= 0 && d.date.compareTo(to) <= 0) {
                in.add(d);
            }
        }
        Validity validity = rs.validity();
        PeriodValue v = new PeriodValue();
        v.kind = kind;
        v.period = kind.equals(PeriodValue.MONTH) ? YearMonth.from(asOf).toString()
                : YearMonth.from(start) + ".." + YearMonth.from(asOf);
        v.asOf = asOf.toString();
        v.daysSoFar = (int) ChronoUnit.DAYS.between(start, asOf) + 1;
        v.daysInPeriod = (int) ChronoUnit.DAYS.between(start, end) + 1;
        v.rules = rs.id();
        int toCome = v.daysInPeriod - v.daysSoFar;
        int fewest = Integer.MAX_VALUE;
        boolean valid = true;
        for (Pollutant p : Pollutant.values()) {
            List<Double> series = new ArrayList<>(in.size());
            for (DailyValue d : in) {
                series.add(d.get(p));
            }
            Statistic s = switch (p) {
                case CO -> Statistics.percentileOf(p, series, rs.coPercentile(), validity, n -> true);
                case O3 -> Statistics.percentileOf(p, series, rs.o3Percentile(), validity, n -> true);
                default -> Statistics.meanOf(p, series, validity, n -> true);
            };
            v.set(p, s.value());
            fewest = Math.min(fewest, s.validCount());
            valid &= kind.equals(PeriodValue.MONTH)
                    ? validity.monthValid(YearMonth.from(start), s.validCount() + toCome)
                    : validity.yearValid(s.validCount() + toCome, everyMonthValid(rs, p, start, asOf, in));
        }
        v.validDays = fewest;
        v.valid = valid;
        for (DailyValue d : in) {
            if (d.aqi != null) {
                if (d.aqi <= 100) {
                    v.goodDays++;
                } else {
                    v.overDays++;
                }
            }
        }
        PeriodValues values = values(v);
        if (values.missing().isEmpty()) {
            CompositeIndex ci = rs.compositeIndex(values);
            v.composite = ci.composite();
            for (Pollutant p : Pollutant.values()) {
                v.setShare(p, ci.share(p));
            }
            v.largest = ci.largest().code();
        }
        return v;
    }

    public static PeriodValues values(PeriodValue v) {
        return PeriodValues.of(v.so2, v.no2, v.pm10, v.pm25, v.coP95, v.o3P90);
    }

    /** Months before the current one by the monthly rule; the current one by the period-to-date rule. */
    private static boolean everyMonthValid(RuleSet rs, Pollutant p, LocalDate start, LocalDate asOf,
            List<DailyValue> days) {
        Validity validity = rs.validity();
        // Valid days by month since the start, read from the ISO date's digits (days lie in start..asOf).
        YearMonth first = YearMonth.from(start);
        int[] validDays = new int[(int) first.until(YearMonth.from(asOf), ChronoUnit.MONTHS) + 1];
        for (DailyValue d : days) {
            if (validity.plausible(p, d.get(p))) {
                int year = Integer.parseInt(d.date, 0, 4, 10);
                int month = Integer.parseInt(d.date, 5, 7, 10);
                validDays[(year - first.getYear()) * 12 + month - first.getMonthValue()]++;
            }
        }
        for (YearMonth m = first; !m.isAfter(YearMonth.from(asOf)); m = m.plusMonths(1)) {
            int toCome = m.equals(YearMonth.from(asOf)) ? m.lengthOfMonth() - asOf.getDayOfMonth() : 0;
            if (!validity.monthValid(m, validDays[(int) first.until(m, ChronoUnit.MONTHS)] + toCome)) {
                return false;
            }
        }
        return true;
    }
}
