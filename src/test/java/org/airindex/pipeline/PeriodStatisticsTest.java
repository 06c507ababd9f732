package org.airindex.pipeline;

import static org.airindex.pipeline.Fixtures.countyDay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.airindex.domain.NamedPeriod;
import org.airindex.domain.Period;
import org.airindex.domain.Pollutant;
import org.airindex.domain.RuleSet;
import org.airindex.domain.Standards;
import org.airindex.domain.Statistic;
import org.airindex.domain.Statistics;
import org.airindex.domain.Validity;
import org.airindex.records.DailyValue;
import org.airindex.records.PeriodValue;

class PeriodStatisticsTest {
    private static final RuleSet RULES_2012 = Standards.loadDefault().byId("2012");
    private static final RuleSet RULES_2026 = Standards.loadDefault().byId("2026");

    /** Five days of the month starting at {@code first}, plus a day before and after that must be ignored. */
    private static List<DailyValue> fiveDays(String yearMonth) {
        List<DailyValue> days = new ArrayList<>();
        LocalDate first = LocalDate.parse(yearMonth + "-01");
        days.add(countyDay(first.minusDays(1).toString(), 999.0, 999.0, 99.0, 999.0, 999.0, 999.0, 500));
        days.add(countyDay(first.toString(), 10.0, 30.0, 0.5, 50.0, 20.0, 100.0, 50));
        days.add(countyDay(first.plusDays(1).toString(), 12.0, 32.0, 0.9, 60.0, 25.0, 140.0, 100));
        days.add(countyDay(first.plusDays(2).toString(), 14.0, 34.0, 0.7, 70.0, 30.0, 120.0, 101));
        days.add(countyDay(first.plusDays(3).toString(), 16.0, 36.0, 1.3, 80.0, 35.0, 180.0, null));
        days.add(countyDay(first.plusDays(4).toString(), 18.0, 38.0, 1.1, 90.0, 40.0, 160.0, 150));
        days.add(countyDay(first.plusDays(5).toString(), 999.0, 999.0, 99.0, 999.0, 999.0, 999.0, 500));
        return days;
    }

    @Test
    void monthToDateMeansPercentilesAndCompositeIndexUnder2026() {
        PeriodValue v = PeriodStatistics.compute(RULES_2026, Period.month(LocalDate.parse("2026-03-01")),
                LocalDate.parse("2026-03-05"), fiveDays("2026-03"));
        assertEquals("month", v.kind);
        assertEquals("2026-03", v.period);
        assertEquals("2026-03-05", v.asOf);
        assertEquals("2026", v.rules);
        assertEquals(5, v.daysSoFar);
        assertEquals(31, v.daysInPeriod);
        assertEquals(14.0, v.so2, 1e-9);   // (10+12+14+16+18)/5
        assertEquals(34.0, v.no2, 1e-9);   // (30+...+38)/5
        assertEquals(70.0, v.pm10, 1e-9);  // (50+...+90)/5
        assertEquals(30.0, v.pm25, 1e-9);  // (20+...+40)/5
        // CO sorted 0.5 0.7 0.9 1.1 1.3: k = 1 + 4*0.95 = 4.8, X4 + 0.8*(X5-X4) = 1.1 + 0.8*0.2 = 1.26
        assertEquals(1.26, v.coP95, 1e-9);
        // O3 sorted 100 120 140 160 180: k = 1 + 4*0.9 = 4.6, 160 + 0.6*20 = 172
        assertEquals(172.0, v.o3P90, 1e-9);
        // 2026 S_i: 14/60 + 34/40 + 70/60 + 30/30 + 1.26/4 + 172/160
        //   = 0.2333 + 0.85 + 1.1667 + 1 + 0.315 + 1.075 = 4.64
        assertEquals(4.64, v.composite, 1e-9);
        assertEquals("pm10", v.largest);          // 1.1667 is the largest I_i
        assertEquals(1.0 / 4.64, v.sharePm25, 1e-9);
        assertEquals(1.075 / 4.64, v.shareO3, 1e-9);
        assertEquals((70.0 / 60) / 4.64, v.sharePm10, 1e-9);
        assertEquals(0.315 / 4.64, v.shareCo, 1e-9);
        assertEquals(1.0, v.shareSo2 + v.shareNo2 + v.sharePm10 + v.sharePm25 + v.shareCo + v.shareO3, 1e-9);
        // AQI 50 and 100 are good, 101 and 150 over, the null day neither.
        assertEquals(2, v.goodDays);
        assertEquals(2, v.overDays);
        assertEquals(5, v.validDays);
        assertTrue(v.valid, "5 valid + 26 days to come = 31 >= 27");
    }

    @Test
    void compositeIndexUnder2012UsesTheOldPmStandards() {
        PeriodValue v = PeriodStatistics.compute(RULES_2012, Period.month(LocalDate.parse("2026-01-01")),
                LocalDate.parse("2026-01-05"), fiveDays("2026-01"));
        assertEquals("2012", v.rules);
        assertEquals("2026-01", v.period);
        // 14/60 + 34/40 + 70/70 + 30/35 + 1.26/4 + 172/160
        //   = 0.2333 + 0.85 + 1 + 0.8571 + 0.315 + 1.075 = 4.3305 -> 4.33
        assertEquals(4.33, v.composite, 1e-9);
        assertEquals("o3", v.largest);          // 1.075 > PM10 1.0 > PM2.5 0.857
        assertEquals((30.0 / 35) / (0.7 / 3 + 0.85 + 1 + 30.0 / 35 + 0.315 + 1.075), v.sharePm25, 1e-9);
    }

    @Test
    void theCompositeIndexNeedsAllSixStatistics() {
        List<DailyValue> days = List.of(countyDay("2026-03-01", 10.0, 30.0, 0.5, 50.0, 20.0, null, 50));
        PeriodValue v = PeriodStatistics.compute(RULES_2026, Period.month(LocalDate.parse("2026-03-01")),
                LocalDate.parse("2026-03-01"), days);
        assertEquals(20.0, v.pm25, 1e-9);
        assertNull(v.o3P90);
        assertNull(v.composite);
        assertEquals(0, v.validDays, "O3 has no valid day");
    }

    /** Days 1..asOfDay of a month, PM2.5 missing on {@code pm25Missing} and no row at all on {@code absent}. */
    private static List<DailyValue> month(String yearMonth, int asOfDay, Set<Integer> pm25Missing, Set<Integer> absent) {
        List<DailyValue> days = new ArrayList<>();
        for (int day = 1; day <= asOfDay; day++) {
            if (!absent.contains(day)) {
                days.add(countyDay(LocalDate.parse(yearMonth + "-01").plusDays(day - 1).toString(), 10.0, 30.0, 0.5,
                        50.0, pm25Missing.contains(day) ? null : 20.0, 100.0, 50));
            }
        }
        return days;
    }

    /**
     * A named period from 15 May to 14 June: 17 days of May, 14 of June. Each part may miss as many days
     * as its whole month may (May 31 − 27 = 4, June 30 − 27 = 3), the days still to come counted valid.
     */
    @Test
    void aNamedPeriodStartingMidMonthIsValidByTheMonthlyRuleOnEachPart() {
        Period run = NamedPeriod.of("late-spring", "05-15", "06-14").containing(LocalDate.parse("2026-06-14"))
                .orElseThrow();
        List<DailyValue> days = new ArrayList<>();
        for (LocalDate d = run.start(); !d.isAfter(run.end()); d = d.plusDays(1)) {
            days.add(countyDay(d.toString(), 10.0, 30.0, 0.5, 50.0, 20.0, 100.0, 50));
        }
        PeriodValue whole = PeriodStatistics.compute(RULES_2026, run, run.end(), days);
        assertEquals("late-spring 2026-05-15..2026-06-14", whole.period);
        assertEquals(31, whole.daysInPeriod);
        assertTrue(whole.valid);

        for (int i = 0; i < 4; i++) {
            days.get(i).pm25 = null; // 15..18 May
        }
        assertTrue(PeriodStatistics.compute(RULES_2026, run, run.end(), days).valid, "May misses 4");
        days.get(4).pm25 = null;
        assertFalse(PeriodStatistics.compute(RULES_2026, run, run.end(), days).valid, "May misses 5");
        assertFalse(PeriodStatistics.compute(RULES_2026, run, LocalDate.parse("2026-05-20"), days).valid,
                "already invalid on 20 May, whatever is to come");
        days.get(4).pm25 = 20.0;
        for (int i = 0; i < 4; i++) {
            days.get(days.size() - 1 - i).pm25 = null; // 11..14 June
        }
        assertFalse(PeriodStatistics.compute(RULES_2026, run, run.end(), days).valid, "June misses 4");
        assertTrue(PeriodStatistics.compute(RULES_2026, run, LocalDate.parse("2026-06-10"), days).valid,
                "on 10 June the last four days are still to come");
    }

    private static PeriodValue monthAsOf(RuleSet rs, String yearMonth, int asOfDay, List<DailyValue> days) {
        LocalDate start = LocalDate.parse(yearMonth + "-01");
        return PeriodStatistics.compute(rs, Period.month(start), start.plusDays(asOfDay - 1), days);
    }

    @Test
    void aMonthInProgressIsValidWhileTheMissingDaysStillAllow27() {
        // March 2026, as of the 10th: 21 days to come. 4 days invalid: 6 + 21 = 27 -> valid.
        PeriodValue four = monthAsOf(RULES_2026, "2026-03", 10, month("2026-03", 10, Set.of(2, 3), Set.of(7, 8)));
        assertEquals(6, four.validDays);
        assertTrue(four.valid);
        // 5 days invalid: 5 + 21 = 26 < 27 -> invalid, though still reported with its values.
        PeriodValue five = monthAsOf(RULES_2026, "2026-03", 10, month("2026-03", 10, Set.of(2, 3, 4), Set.of(7, 8)));
        assertEquals(5, five.validDays);
        assertFalse(five.valid);
        assertEquals(20.0, five.pm25, 1e-9);
        assertEquals(10, five.daysSoFar);
    }

    @Test
    void februaryNeeds25ValidDaysAndALeapYearHasOneMoreToCome() {
        // February 2026 (28 days) as of the 10th: 18 to come. 4 invalid: 6 + 18 = 24 < 25 -> invalid.
        PeriodValue feb2026 = monthAsOf(RULES_2012, "2026-02", 10, month("2026-02", 10, Set.of(1, 2, 3, 4), Set.of()));
        assertEquals(28, feb2026.daysInPeriod);
        assertEquals(6, feb2026.validDays);
        assertFalse(feb2026.valid);
        // 3 invalid: 7 + 18 = 25 -> valid.
        PeriodValue feb2026ok = monthAsOf(RULES_2012, "2026-02", 10, month("2026-02", 10, Set.of(1, 2, 3), Set.of()));
        assertTrue(feb2026ok.valid);
        // February 2024 (29 days): 19 to come. 4 invalid: 6 + 19 = 25 -> valid.
        PeriodValue feb2024 = monthAsOf(RULES_2012, "2024-02", 10, month("2024-02", 10, Set.of(1, 2, 3, 4), Set.of()));
        assertEquals(29, feb2024.daysInPeriod);
        assertEquals(6, feb2024.validDays);
        assertTrue(feb2024.valid);
        // At the end of February 2024: 24 valid of 29 < 25 -> invalid; 25 -> valid.
        assertFalse(monthAsOf(RULES_2012, "2024-02", 29,
                month("2024-02", 29, Set.of(1, 2, 3, 4, 5), Set.of())).valid);
        assertTrue(monthAsOf(RULES_2012, "2024-02", 29,
                month("2024-02", 29, Set.of(1, 2, 3, 4), Set.of())).valid);
    }

    @Test
    void yearToDateSpansMonthsAndNeedsEveryMonthValid() {
        // 2026-01-01 .. 2026-02-03: PM2.5 40 in January, 74 on 1..3 February.
        List<DailyValue> days = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2026-01-01"); !d.isAfter(LocalDate.parse("2026-02-03")); d = d.plusDays(1)) {
            double pm25 = d.getMonthValue() == 1 ? 40.0 : 74.0;
            days.add(countyDay(d.toString(), 10.0, 30.0, 0.5, 50.0, pm25, 100.0, d.getMonthValue() == 1 ? 50 : 120));
        }
        PeriodValue v = PeriodStatistics.compute(RULES_2012, Period.yearToDate(LocalDate.parse("2026-02-03")),
                LocalDate.parse("2026-02-03"), days);
        assertEquals("ytd", v.kind);
        assertEquals("2026-01..2026-02", v.period);
        assertEquals(34, v.daysSoFar);
        assertEquals(365, v.daysInPeriod);
        assertEquals(43.0, v.pm25, 1e-9); // (31*40 + 3*74)/34 = 1462/34
        assertEquals(34, v.validDays);
        assertTrue(v.valid, "34 + 331 to come >= 324, January valid, February can still be");
        assertEquals(31, v.goodDays);
        assertEquals(3, v.overDays);

        // January with 5 PM2.5 days missing: 26 < 27 -> the year can no longer be valid,
        // although 29 + 331 = 360 >= 324.
        for (int i = 0; i < 5; i++) {
            days.get(i).pm25 = null;
        }
        PeriodValue broken = PeriodStatistics.compute(RULES_2012, Period.yearToDate(LocalDate.parse("2026-02-03")),
                LocalDate.parse("2026-02-03"), days);
        assertEquals(29, broken.validDays);
        assertFalse(broken.valid);
        // (26*40 + 3*74)/29 = (1040 + 222)/29 = 1262/29
        assertEquals(1262.0 / 29, broken.pm25, 1e-9);
    }

    /** §3–§4 spelled out with the list-based statistics, pollutant by pollutant and month by month. */
    private static PeriodValue definition(RuleSet rs, String kind, LocalDate start, LocalDate asOf,
            List<DailyValue> days) {
        List<DailyValue> in = days.stream()
                .filter(d -> !LocalDate.parse(d.date).isBefore(start) && !LocalDate.parse(d.date).isAfter(asOf))
                .toList();
        Validity validity = rs.validity();
        LocalDate end = kind.equals(Period.MONTH) ? YearMonth.from(start).atEndOfMonth()
                : LocalDate.of(start.getYear(), 12, 31);
        int toCome = (int) ChronoUnit.DAYS.between(asOf, end);
        PeriodValue v = new PeriodValue();
        v.validDays = Integer.MAX_VALUE;
        v.valid = true;
        for (Pollutant p : Pollutant.values()) {
            List<Double> series = in.stream().map(d -> d.get(p)).toList();
            Statistic s = switch (p) {
                case CO -> Statistics.percentileOf(p, series, rs.coPercentile(), validity, n -> true);
                case O3 -> Statistics.percentileOf(p, series, rs.o3Percentile(), validity, n -> true);
                default -> Statistics.meanOf(p, series, validity, n -> true);
            };
            v.set(p, s.exact());
            v.validDays = Math.min(v.validDays, s.validCount());
            boolean everyMonth = true;
            for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(asOf)); m = m.plusMonths(1)) {
                YearMonth month = m;
                List<Double> ofMonth = in.stream().filter(d -> YearMonth.from(LocalDate.parse(d.date)).equals(month))
                        .map(d -> d.get(p)).toList();
                int monthToCome = m.equals(YearMonth.from(asOf)) ? m.lengthOfMonth() - asOf.getDayOfMonth() : 0;
                everyMonth &= validity.monthValid(m,
                        Statistics.validValues(p, ofMonth, validity).size() + monthToCome);
            }
            v.valid &= kind.equals(Period.MONTH)
                    ? validity.monthValid(YearMonth.from(start), s.validCount() + toCome)
                    : validity.yearValid(s.validCount() + toCome, everyMonth);
        }
        v.goodDays = (int) in.stream().filter(d -> d.aqi != null && d.aqi <= 100).count();
        v.overDays = (int) in.stream().filter(d -> d.aqi != null && d.aqi > 100).count();
        return v;
    }

    @Test
    void agreesWithTheListBasedStatisticsOnRandomYears() {
        Random random = new Random(20261129);
        int validPeriods = 0;
        int compared = 0;
        for (RuleSet rs : List.of(RULES_2012, RULES_2026)) {
            for (int year = 0; year < 6; year++) {
                // Sparse years cross the monthly and annual validity rules.
                int gapPercent = List.of(0, 3, 8, 20, 40, 60).get(year);
                List<DailyValue> days = new ArrayList<>();
                for (LocalDate d = LocalDate.parse("2025-12-20"); d.isBefore(LocalDate.parse("2027-01-10"));
                        d = d.plusDays(1)) {
                    Double[] c = new Double[6];
                    for (int i = 0; i < c.length; i++) {
                        int r = random.nextInt(100);
                        c[i] = r < gapPercent ? null : r == 99 ? -1.0 : r == 98 ? Double.NaN
                                : i == 2 ? Math.round(random.nextDouble() * 40) / 10.0 : (double) random.nextInt(300);
                    }
                    days.add(countyDay(d.toString(), c[0], c[1], c[2], c[3], c[4], c[5],
                            random.nextInt(10) == 0 ? null : random.nextInt(300)));
                }
                Collections.shuffle(days, random);
                for (LocalDate asOf = LocalDate.parse("2026-01-01"); asOf.getYear() == 2026; asOf = asOf.plusDays(7)) {
                    for (String kind : List.of(Period.MONTH, Period.YEAR_TO_DATE)) {
                        LocalDate start = kind.equals(Period.MONTH) ? asOf.withDayOfMonth(1) : asOf.withDayOfYear(1);
                        PeriodValue expected = definition(rs, kind, start, asOf, days);
                        PeriodValue actual = PeriodStatistics.compute(rs, kind.equals(Period.MONTH) ? Period.month(asOf)
                                : Period.yearToDate(asOf), asOf, days);
                        String what = rs.id() + " " + kind + " " + asOf + " gaps " + gapPercent + "%";
                        for (Pollutant p : Pollutant.values()) {
                            assertEquals(expected.get(p), actual.get(p), what + " " + p);
                        }
                        assertEquals(expected.validDays, actual.validDays, what);
                        assertEquals(expected.valid, actual.valid, what);
                        assertEquals(expected.goodDays, actual.goodDays, what);
                        assertEquals(expected.overDays, actual.overDays, what);
                        validPeriods += actual.valid ? 1 : 0;
                        compared++;
                    }
                }
            }
        }
        assertTrue(validPeriods > compared / 4 && validPeriods < compared, validPeriods + " of " + compared + " valid");
    }
}
