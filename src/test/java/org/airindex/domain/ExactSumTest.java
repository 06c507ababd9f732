package org.airindex.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class ExactSumTest {

    /**
     * The definition, written independently: a value whose shortest decimal (Double.toString) has at
     * most three decimals is that decimal, any other its binary value; the exact sum, divided, rounded once.
     */
    private static double reference(List<Double> values) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : values) {
            BigDecimal shortest = new BigDecimal(Double.toString(v)).stripTrailingZeros();
            sum = sum.add(shortest.scale() <= 3 ? shortest : new BigDecimal(v));
        }
        return sum.divide(BigDecimal.valueOf(values.size()), new MathContext(100)).doubleValue();
    }

    private static Double mean(List<Double> values) {
        ExactSum s = new ExactSum();
        values.forEach(s::add);
        return s.mean();
    }

    @Test
    void meansOnReportingBoundariesAreExact() {
        assertEquals(34.5, mean(List.of(34.0, 35.0)));
        assertEquals(0.15, mean(List.of(0.1, 0.2)));
        assertEquals(0.35, mean(List.of(0.3, 0.4)));
        assertEquals(1.25, mean(List.of(1.2, 1.3)));
        assertEquals(35.0, mean(List.of(35.0)));
        assertEquals(0.0, mean(List.of(0.0, -0.0)));
        assertNull(new ExactSum().mean());
    }

    @Test
    void countsEveryValue() {
        ExactSum s = new ExactSum();
        s.add(1);
        s.add(0);
        s.add(2);
        assertEquals(3, s.count());
        assertEquals(1.0, s.mean());
    }

    @Test
    void matchesTheExactMeanWhateverTheOrder() {
        Random random = new Random(8170L);
        List<DoubleSupplier> shapes = List.of(
                () -> random.nextInt(500),                                   // µg/m³ readings
                () -> random.nextInt(100) / 10.0,                            // CO, one decimal
                () -> random.nextInt(100_000) / 1000.0,                      // three decimals
                () -> random.nextDouble() * 1000,                            // unrounded means
                () -> (random.nextDouble() - 0.5) * 200,                     // both signs
                () -> random.nextDouble() * 1e-4,                            // below the fixed-point range
                () -> random.nextDouble() * 1e12,                            // above it
                () -> random.nextBoolean() ? 1e9 + random.nextDouble() : -1e9); // cancelling
        for (int shape = 0; shape < shapes.size(); shape++) {
            for (int round = 0; round < 300; round++) {
                List<Double> values = new ArrayList<>();
                int n = 1 + random.nextInt(400);
                for (int i = 0; i < n; i++) {
                    values.add(shapes.get(shape).getAsDouble());
                }
                double expected = reference(values);
                assertEquals(expected, mean(values), "shape " + shape + " " + values);
                Collections.shuffle(values, random);
                assertEquals(expected, mean(values), "shape " + shape + " shuffled");
            }
        }
    }

    /** Two values below the fixed-point range whose mean lies exactly between two doubles: ties to even. */
    @Test
    void aMeanOnAMidpointRoundsToEvenBelowTheFixedPointRange() {
        List<Double> values = List.of(4.2933104899362184E-5, 7.731025994689078E-5);
        assertEquals(reference(values), mean(values));
    }

    @Test
    void mixesRangesInOneSum() {
        List<Double> values = List.of(35.3, 1e-6, 2.5e10, 0.1, -2.5e10);
        assertEquals(reference(values), mean(values));
    }

    @Test
    void notFiniteValuesMakeTheMeanNaN() {
        assertEquals(Double.NaN, mean(List.of(1.0, Double.POSITIVE_INFINITY)));
        assertEquals(Double.NaN, mean(List.of(Double.NaN, 2.0)));
    }

    @Test
    void aSlidingWindowMeansWhatItsValuesMean() {
        Random random = new Random(8);
        List<DoubleSupplier> shapes = List.of(
                () -> random.nextInt(500),
                () -> random.nextInt(100) / 10.0,
                () -> (random.nextDouble() - 0.5) * 200,
                () -> random.nextDouble() * 1e-4,
                () -> random.nextInt(10) == 0 ? random.nextDouble() * 1e12 : random.nextInt(300));
        for (DoubleSupplier shape : shapes) {
            for (int width = 1; width <= 24; width += 23) {
                List<Double> series = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    series.add(shape.getAsDouble());
                }
                ExactSum window = new ExactSum();
                for (int end = 0; end < series.size(); end++) {
                    window.add(series.get(end));
                    if (end >= width) {
                        window.remove(series.get(end - width));
                    }
                    List<Double> values = series.subList(Math.max(0, end - width + 1), end + 1);
                    assertEquals(values.size(), window.count());
                    assertEquals(reference(values), window.mean(), "window ending at " + end + ": " + values);
                }
            }
        }
    }

    @Test
    void removingEverythingLeavesNothing() {
        ExactSum s = new ExactSum();
        s.add(2.5e10);
        s.add(0.1);
        s.remove(0.1);
        s.remove(2.5e10);
        assertNull(s.mean());
        s.add(3);
        assertEquals(3.0, s.mean());
    }
}
