package org.airindex.pipeline;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.airindex.domain.CompositeIndex;
import org.airindex.domain.Exact;
import org.airindex.domain.ExactSum;
import org.airindex.domain.Percentile;
import org.airindex.domain.Period;
import org.airindex.domain.PeriodValues;
import org.airindex.domain.Pollutant;
import org.airindex.domain.RuleSet;
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
 * period's end that is exactly the monthly/annual rule of §1. A named period (a campaign) has no
 * rule of its own in §1: each of its months must be valid by the monthly rule.
 */
public final class PeriodStatistics {
    private static final Pollutant[] POLLUTANTS = Pollutant.values();

    private PeriodStatistics() {}

    /**
     * @param days the place's daily rows from the period's start to {@code asOf} (others are ignored)
     *
     * <p>One pass over the days gathers every pollutant's valid values, exact sums and valid days by
     * month: the same statistics as {@link Statistics#meanOf} and {@link Statistics#percentileOf}
     * (PeriodStatisticsTest holds this to them), without a list per pollutant, since a replay runs this
     * four times or more for every day of every place.
     */
    public static PeriodValue compute(RuleSet rs, Period period, LocalDate asOf, List<DailyValue> days) {
        LocalDate start = period.start();
        LocalDate end = period.end();
        Validity validity = rs.validity();
        PeriodValue v = new PeriodValue();
        v.kind = period.kind();
        v.period = period.id();
        v.asOf = asOf.toString();
        v.daysSoFar = (int) ChronoUnit.DAYS.between(start, asOf) + 1;
        v.daysInPeriod = (int) ChronoUnit.DAYS.between(start, end) + 1;
        v.rules = rs.label();

        // ISO dates order as strings: no parsing on this path but the month of each day taken.
        String from = start.toString();
        String to = v.asOf;
        YearMonth first = YearMonth.from(start);
        int months = (int) first.until(YearMonth.from(asOf), ChronoUnit.MONTHS) + 1;
        // CO and O3 enter by percentile (their valid values kept), the others by mean (an exact sum).
        ExactSum[] sums = new ExactSum[POLLUTANTS.length];
        Number[][] valid = new Number[POLLUTANTS.length][];
        for (Pollutant p : POLLUTANTS) {
            if (p == Pollutant.CO || p == Pollutant.O3) {
                valid[p.ordinal()] = new Number[days.size()];
            } else {
                sums[p.ordinal()] = new ExactSum();
            }
        }
        int[] validCount = new int[POLLUTANTS.length];
        int[][] validByMonth = new int[POLLUTANTS.length][months];
        for (DailyValue d : days) {
            if (d.date.compareTo(from) < 0 || d.date.compareTo(to) > 0) {
                continue;
            }
            int month = (Integer.parseInt(d.date, 0, 4, 10) - first.getYear()) * 12
                    + Integer.parseInt(d.date, 5, 7, 10) - first.getMonthValue();
            for (Pollutant p : POLLUTANTS) {
                Double x = d.get(p);
                if (validity.plausible(p, x)) {
                    int i = p.ordinal();
                    if (valid[i] != null) {
                        valid[i][validCount[i]] = d.value(p);
                    } else {
                        sums[i].add(d.value(p));
                    }
                    validCount[i]++;
                    validByMonth[i][month]++;
                }
            }
            if (d.aqi != null) {
                if (d.aqi <= 100) {
                    v.goodDays++;
                } else {
                    v.overDays++;
                }
            }
        }
        int toCome = v.daysInPeriod - v.daysSoFar;
        int fewest = Integer.MAX_VALUE;
        boolean periodValid = true;
        for (Pollutant p : POLLUTANTS) {
            int i = p.ordinal();
            int n = validCount[i];
            Exact value = switch (p) {
                case CO -> n == 0 ? null : Percentile.exact(Arrays.asList(valid[i]).subList(0, n), rs.coPercentile());
                case O3 -> n == 0 ? null : Percentile.exact(Arrays.asList(valid[i]).subList(0, n), rs.o3Percentile());
                default -> sums[i].exactMean();
            };
            v.set(p, value);
            fewest = Math.min(fewest, n);
            periodValid &= switch (period.kind()) {
                case Period.MONTH -> validity.monthValid(first, n + toCome);
                case Period.YEAR_TO_DATE -> validity.yearValid(n + toCome, everyMonthValid(validity, period, asOf,
                        validByMonth[i]));
                default -> everyMonthValid(validity, period, asOf, validByMonth[i]);
            };
        }
        v.validDays = fewest;
        v.valid = periodValid;
        PeriodValues values = values(v);
        if (values.missing().isEmpty()) {
            CompositeIndex ci = rs.compositeIndex(values);
            v.composite = ci.composite();
            for (Pollutant p : POLLUTANTS) {
                v.setShare(p, ci.share(p));
            }
            v.largest = ci.largest().code();
        }
        return v;
    }

    public static PeriodValues values(PeriodValue v) {
        Map<Pollutant, Number> c = new EnumMap<>(Pollutant.class);
        for (Pollutant p : POLLUTANTS) {
            c.put(p, v.value(p));
        }
        return PeriodValues.of(c);
    }

    /**
     * Months before the current one by the monthly rule; the current one by the period-to-date rule. A
     * month only partly inside the period (a named period starting or ending mid-month) may miss no more
     * of its days inside than the monthly rule lets a whole month miss: STANDARDS.md has no rule for such
     * periods, and this one is the monthly rule wherever the months are whole.
     */
    private static boolean everyMonthValid(Validity validity, Period period, LocalDate asOf, int[] validByMonth) {
        YearMonth first = YearMonth.from(period.start());
        for (int i = 0; i < validByMonth.length; i++) {
            YearMonth m = first.plusMonths(i);
            LocalDate from = max(m.atDay(1), period.start());
            LocalDate to = min(m.atEndOfMonth(), period.end());
            int inside = (int) ChronoUnit.DAYS.between(from, to) + 1;
            int toCome = asOf.isBefore(to) ? (int) ChronoUnit.DAYS.between(max(asOf, from.minusDays(1)), to) : 0;
            int missing = inside - validByMonth[i] - toCome;
            if (!validity.monthValid(m, m.lengthOfMonth() - missing)) {
                return false;
            }
        }
        return true;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
