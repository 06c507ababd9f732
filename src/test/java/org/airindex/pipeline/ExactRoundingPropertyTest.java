package org.airindex.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.airindex.domain.Exact;
import org.airindex.domain.Period;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Rounding;
import org.airindex.domain.RuleSet;
import org.airindex.domain.Standards;
import org.airindex.domain.Statistics;
import org.airindex.records.DailyValue;
import org.airindex.records.HourlyValue;
import org.airindex.records.PeriodValue;
import org.airindex.records.Places;

/**
 * Every reported mean and percentile equals GB/T 8170 rounding of the exact value, computed here apart
 * from the code under test: a fraction of an exact decimal over a whole number, rounded by
 * {@link BigDecimal#divide(BigDecimal, int, RoundingMode)} with HALF_EVEN (which rounds the exact quotient).
 * The readings are random decimals as published (µg/m³ integers, CO one decimal), many of them chosen so
 * that a station's daily mean, a county's daily mean of two stations, or a county's period mean lands
 * exactly on a tie (x.5 µg/m³, x.x5 mg/m³) while the station means below it do not end.
 */
class ExactRoundingPropertyTest {
    private static final RuleSet RULES = Standards.loadDefault().byId("2026");
    private static final int HOURS = 24;
    private static final int CASES = 3000;

    /** num/den with num an exact decimal and den a whole number: the reference's only arithmetic. */
    private record Ref(BigDecimal num, BigInteger den) {
        static Ref of(BigDecimal sum, long count) {
            return new Ref(sum, BigInteger.valueOf(count));
        }

        static Ref mean(List<Ref> values) {
            BigInteger den = BigInteger.ONE;
            for (Ref r : values) {
                den = den.multiply(r.den);
            }
            BigDecimal num = BigDecimal.ZERO;
            for (Ref r : values) {
                num = num.add(r.num.multiply(new BigDecimal(den.divide(r.den))));
            }
            return new Ref(num, den.multiply(BigInteger.valueOf(values.size())));
        }

        int compareTo(Ref o) {
            return num.multiply(new BigDecimal(o.den)).compareTo(o.num.multiply(new BigDecimal(den)));
        }

        /** lo + (hi − lo)·f for the fraction f = fNum/fDen. */
        static Ref between(Ref lo, Ref hi, long fNum, long fDen) {
            BigDecimal den = new BigDecimal(lo.den.multiply(hi.den));
            BigDecimal diff = hi.num.multiply(new BigDecimal(lo.den)).subtract(lo.num.multiply(new BigDecimal(hi.den)));
            BigDecimal num = lo.num.multiply(new BigDecimal(hi.den)).multiply(BigDecimal.valueOf(fDen))
                    .add(diff.multiply(BigDecimal.valueOf(fNum)));
            return new Ref(num, den.toBigIntegerExact().multiply(BigInteger.valueOf(fDen)));
        }

        String reported(Pollutant p) {
            return num.divide(new BigDecimal(den), p == Pollutant.CO ? 1 : 0, RoundingMode.HALF_EVEN).toPlainString();
        }
    }

    private final Random random = new Random(20261201L);

    @Test
    void stationAndCountyDailyMeansRoundTheExactValue() {
        int ties = 0;
        for (int c = 0; c < CASES; c++) {
            Pollutant p = c % 2 == 0 ? Pollutant.CO : Pollutant.PM25;
            List<BigDecimal> a = hours(p, null);
            // Half the cases: the second station's sum makes the county mean an exact tie.
            BigDecimal tie = c % 4 < 2 ? tieNear(p, sum(a).divide(BigDecimal.valueOf(HOURS), 3, RoundingMode.DOWN)) : null;
            List<BigDecimal> b = hours(p, tie == null ? null : tie.multiply(BigDecimal.valueOf(2L * HOURS)).subtract(sum(a)));
            if (b == null) {
                continue;
            }
            Exact stationA = Statistics.dailyMean(p, doubles(a), RULES.validity()).exact();
            Exact stationB = Statistics.dailyMean(p, doubles(b), RULES.validity()).exact();
            Ref refA = Ref.of(sum(a), HOURS);
            Ref refB = Ref.of(sum(b), HOURS);
            assertEquals(refA.reported(p), Rounding.report(p, stationA).toPlainString(), "station mean of " + a);
            Exact county = Places.meanOfStations(List.of(stationA, stationB), 1);
            Ref refCounty = Ref.mean(List.of(refA, refB));
            assertEquals(refCounty.reported(p), Rounding.report(p, county).toPlainString(), "county mean of " + a + " and " + b);
            ties += tie != null ? 1 : 0;
        }
        assertTrue(ties > CASES / 3, "enough exact ties: " + ties);
    }

    @Test
    void periodMeansAndPercentilesRoundTheExactValue() {
        LocalDate start = LocalDate.of(2026, 11, 1);
        for (int c = 0; c < 300; c++) {
            int days = 1 + random.nextInt(30);
            List<DailyValue> rows = new ArrayList<>();
            List<List<Ref>> ref = List.of(new ArrayList<>(), new ArrayList<>());
            for (int d = 0; d < days; d++) {
                DailyValue row = new DailyValue();
                row.level = HourlyValue.COUNTY;
                row.province = "省";
                row.city = "市";
                row.county = "县";
                row.date = start.plusDays(d).toString();
                int i = 0;
                for (Pollutant p : List.of(Pollutant.PM25, Pollutant.CO)) {
                    List<BigDecimal> a = hours(p, null);
                    // The last day's second station makes the period's mean land on a tie, where it can.
                    BigDecimal target = d == days - 1 && c % 2 == 0 ? periodTie(p, ref.get(i), a, days) : null;
                    List<BigDecimal> b = hours(p, target);
                    if (b == null) {
                        b = hours(p, null);
                    }
                    Exact county = Places.meanOfStations(List.of(
                            Statistics.dailyMean(p, doubles(a), RULES.validity()).exact(),
                            Statistics.dailyMean(p, doubles(b), RULES.validity()).exact()), 1);
                    row.set(p, county);
                    ref.get(i++).add(Ref.mean(List.of(Ref.of(sum(a), HOURS), Ref.of(sum(b), HOURS))));
                }
                for (Pollutant p : List.of(Pollutant.SO2, Pollutant.NO2, Pollutant.PM10, Pollutant.O3)) {
                    row.set(p, (double) (1 + random.nextInt(200)));
                }
                rows.add(row);
            }
            PeriodValue v = PeriodStatistics.compute(RULES, Period.month(start), start.plusDays(days - 1), rows);
            assertEquals(Ref.mean(ref.get(0)).reported(Pollutant.PM25),
                    Rounding.report(Pollutant.PM25, v.value(Pollutant.PM25)).toPlainString(), "period PM2.5 mean, case " + c);
            assertEquals(percentile(ref.get(1), RULES.coPercentile()).reported(Pollutant.CO),
                    Rounding.report(Pollutant.CO, v.value(Pollutant.CO)).toPlainString(), "period CO P95, case " + c);
        }
    }

    /** HJ 663's percentile on the reference values: k = 1 + (n − 1)·p with p in hundredths. */
    private static Ref percentile(List<Ref> values, double p) {
        List<Ref> x = new ArrayList<>(values);
        x.sort((a, b) -> a.compareTo(b));
        long hundredths = Math.round(p * 100);
        long k100 = 100 + (x.size() - 1L) * hundredths;
        int s = (int) (k100 / 100);
        if (s >= x.size()) {
            return x.get(x.size() - 1);
        }
        return Ref.between(x.get(s - 1), x.get(s), k100 % 100, 100);
    }

    /** The tie of the pollutant's reporting (x.5 µg/m³, x.x5 mg/m³) just above a value. */
    private static BigDecimal tieNear(Pollutant p, BigDecimal value) {
        int decimals = p == Pollutant.CO ? 1 : 0;
        return value.setScale(decimals, RoundingMode.DOWN).add(BigDecimal.valueOf(5, decimals + 1));
    }

    /**
     * The sum of the last day's second station that puts the period mean on a tie: the period mean is the
     * mean of the days' county means, each the mean of two station means over 24 hours.
     */
    private BigDecimal periodTie(Pollutant p, List<Ref> earlier, List<BigDecimal> a, int days) {
        Ref soFar = earlier.isEmpty() ? null : Ref.mean(earlier);
        BigDecimal tie = tieNear(p, soFar == null ? sum(a).divide(BigDecimal.valueOf(HOURS), 3, RoundingMode.DOWN)
                : soFar.num.divide(new BigDecimal(soFar.den), 3, RoundingMode.DOWN));
        BigDecimal total = tie.multiply(BigDecimal.valueOf((long) days * 2 * HOURS));
        BigDecimal earlierSum = soFar == null ? BigDecimal.ZERO : soFar.num.multiply(BigDecimal.valueOf((long) (days - 1) * 2 * HOURS))
                .divide(new BigDecimal(soFar.den), 10, RoundingMode.UNNECESSARY).stripTrailingZeros();
        BigDecimal b = total.subtract(earlierSum).subtract(sum(a));
        int decimals = p == Pollutant.CO ? 1 : 0;
        return b.stripTrailingZeros().scale() <= decimals ? b : null;
    }

    /**
     * 24 hourly values as published; with {@code sum}, the last one makes them add up to it (null when it
     * cannot: it would be negative or have more decimals than published).
     */
    private List<BigDecimal> hours(Pollutant p, BigDecimal total) {
        int decimals = p == Pollutant.CO ? 1 : 0;
        // Within what the random hours reach, so the last value stays plausible like the others.
        BigDecimal top = p == Pollutant.CO ? new BigDecimal("3.9") : BigDecimal.valueOf(299);
        for (int attempt = 0; attempt < 50; attempt++) {
            List<BigDecimal> h = new ArrayList<>();
            for (int i = 0; i < HOURS; i++) {
                h.add(BigDecimal.valueOf(random.nextInt(top.unscaledValue().intValueExact() + 1), decimals));
            }
            if (total == null) {
                return h;
            }
            BigDecimal last = total.subtract(sum(h.subList(0, HOURS - 1)));
            if (last.signum() >= 0 && last.compareTo(top) <= 0 && last.stripTrailingZeros().scale() <= decimals) {
                h.set(HOURS - 1, last);
                return h;
            }
        }
        return null;
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<Double> doubles(List<BigDecimal> values) {
        return values.stream().map(BigDecimal::doubleValue).toList();
    }
}
