package org.airindex.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactTest {
    @Test
    void roundsTheExactValueHalfToEven() {
        assertEquals("0.8", Exact.of(17, 20).round(1).toPlainString()); // 0.85, the Changping 2016-04-24 CO
        assertEquals("0.8", Exact.of(3, 4).round(1).toPlainString());
        assertEquals("-0.8", Exact.of(-17, 20).round(1).toPlainString());
        assertEquals("34", Exact.of(69, 2).round(0).toPlainString());
        assertEquals("36", Exact.of(71, 2).round(0).toPlainString());
        // Just off a tie, in either direction, however close: not a tie.
        assertEquals("0.9", Exact.of(17, 20).plus(Exact.of(1, 1_000_000_000_000_000L)).round(1).toPlainString());
        assertEquals("0.8", Exact.of(17, 20).minus(Exact.of(1, 1_000_000_000_000_000L)).round(1).toPlainString());
        assertEquals("0.333", Exact.of(1, 3).round(3).toPlainString());
        assertEquals("3.10", Exact.of(31, 10).round(2).toPlainString());
    }

    @Test
    void theMeanOfTwoNonEndingMeansIsTheTieTheirDoublesMiss() {
        Exact a = Exact.of(new BigDecimal("20.3")).dividedBy(24);
        Exact b = Exact.of(new BigDecimal("20.5")).dividedBy(24);
        ExactSum sum = new ExactSum();
        sum.add(a);
        sum.add(b);
        assertEquals(Exact.of(17, 20), sum.exactMean());
        assertEquals("0.8", Rounding.report(Pollutant.CO, sum.exactMean()).toPlainString());
    }

    @Test
    void toDoubleIsTheNearestDouble() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            BigInteger num = BigInteger.valueOf(random.nextLong() >> random.nextInt(60));
            BigInteger den = BigInteger.valueOf(1 + (random.nextLong() >>> (1 + random.nextInt(62))));
            Exact x = Exact.of(num, den);
            double d = x.toDouble();
            Exact gap = distance(x, d);
            assertTrue(gap.compareTo(distance(x, Math.nextUp(d))) <= 0 && gap.compareTo(distance(x, Math.nextDown(d))) <= 0,
                    x + " → " + d);
            assertEquals(x, Exact.parse(x.toString()));
        }
        assertEquals(0.85, Exact.of(17, 20).toDouble());
        assertEquals(0.1, Exact.of(1, 10).toDouble());
    }

    @Test
    void aSumOfFractionsIsExactWhateverTheirDenominators() {
        Random random = new Random(11);
        ExactSum sum = new ExactSum();
        Exact expected = Exact.ZERO;
        // The reference sum's denominator grows with every coprime one, so its cost grows faster than the count:
        // 1,000 values (10 of them huge) overflow the per-denominator longs many times over.
        for (int i = 0; i < 1_000; i++) {
            // Denominators that share no factors overflow the per-denominator longs; huge numerators too.
            long den = 1 + random.nextInt(i % 2 == 0 ? 48 : 1_000_003);
            long num = i % 97 == 0 ? Long.MAX_VALUE / 3 : random.nextInt(100_000);
            Exact v = Exact.of(num, den);
            sum.add(v);
            expected = expected.plus(v);
        }
        sum.add(0.85);
        expected = expected.plus(Exact.of(17, 20));
        assertEquals(expected.dividedBy(1_001), sum.exactMean());
        assertEquals(expected.dividedBy(1_001).toDouble(), sum.mean());
    }

    /** Published decimals, negative and up to 2^32 included: the exact mean is the decimal sum over the count. */
    @Test
    void theExactMeanOfDecimalsIsTheirDecimalSumOverTheCount() {
        Random random = new Random(13);
        for (int round = 0; round < 2_000; round++) {
            ExactSum sum = new ExactSum();
            BigDecimal reference = BigDecimal.ZERO;
            int n = 1 + random.nextInt(50);
            for (int i = 0; i < n; i++) {
                long scaled = random.nextLong() % (round % 2 == 0 ? 1_000_000L : 4_000_000_000_000L);
                BigDecimal v = BigDecimal.valueOf(scaled, random.nextInt(4));
                sum.add(v.doubleValue());
                reference = reference.add(v);
            }
            assertEquals(Exact.of(reference).dividedBy(n), sum.exactMean(), "round " + round);
        }
    }

    private static Exact distance(Exact x, double d) {
        Exact diff = x.minus(Exact.of(new BigDecimal(d)));
        return diff.signum() < 0 ? diff.negate() : diff;
    }
}
