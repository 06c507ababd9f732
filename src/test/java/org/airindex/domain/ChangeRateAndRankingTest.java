package org.airindex.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangeRateAndRankingTest {
    /**
     * On reported figures (composite index 2 decimals, PM2.5 whole µg/m³), many of them exact ties at one
     * decimal, the rate is the HALF_EVEN rounding of the exact quotient (BigDecimal reference).
     */
    @Test
    void changeRateRoundsTheExactQuotient() {
        Random random = new Random(1201);
        int ties = 0;
        for (int i = 0; i < 20_000; i++) {
            int scale = i % 2 == 0 ? 2 : 0;
            int top = i % 2 == 0 ? 999 : 150;
            BigDecimal last;
            BigDecimal now;
            if (i % 4 < 2) {
                // last = 16t, now = (16 + o)t with o odd: a rate of 6.25·o %, a tie at one decimal.
                int t = 1 + random.nextInt(top / 16);
                last = BigDecimal.valueOf(16L * t, scale);
                now = BigDecimal.valueOf((16L + 2 * random.nextInt(10) - 9) * t, scale);
            } else {
                last = BigDecimal.valueOf(1 + random.nextInt(top), scale);
                now = BigDecimal.valueOf(random.nextInt(top), scale);
            }
            BigDecimal reference = now.subtract(last).multiply(BigDecimal.valueOf(100)).divide(last, 1, RoundingMode.HALF_EVEN);
            BigDecimal[] twentieths = now.subtract(last).multiply(BigDecimal.valueOf(2000)).divideAndRemainder(last);
            if (twentieths[1].signum() == 0 && twentieths[0].toBigIntegerExact().testBit(0)) {
                ties++;
            }
            assertEquals(reference.doubleValue(), ChangeRate.percent(now.doubleValue(), last.doubleValue()),
                    now + " against " + last);
        }
        assertTrue(ties > 1000, "ties: " + ties);
    }

    @Test
    void changeRateInPercentOneDecimal() {
        // (4.15 − 4.50)/4.50 = −7.777…% → −7.8
        assertEquals(-7.8, ChangeRate.percent(4.15, 4.50));
        assertEquals(10.0, ChangeRate.percent(3.3, 3.0));
        // exactly on a half: 0.25 → 0.2, 0.75 → 0.8 (half-even)
        assertEquals(0.2, ChangeRate.percent(4.01, 4.0));
        assertEquals(0.8, ChangeRate.percent(4.03, 4.0));
        assertThrows(IllegalArgumentException.class, () -> ChangeRate.percent(1.0, 0.0));
    }

    @Test
    void competitionRankingTiesShareARankAndSkip() {
        List<Map.Entry<String, Double>> places = List.of(
                Map.entry("A", 3.1), Map.entry("B", 2.9), Map.entry("C", 3.1), Map.entry("D", 4.0), Map.entry("E", 2.9));
        List<Ranking.Ranked<Map.Entry<String, Double>>> r = Ranking.competition(places, Map.Entry::getValue);
        assertEquals(List.of("B", "E", "A", "C", "D"), r.stream().map(x -> x.item().getKey()).toList());
        assertEquals(List.of(1, 1, 3, 3, 5), r.stream().map(Ranking.Ranked::rank).toList());
    }

    @Test
    void bottomNIncludesTiesAtTheBoundary() {
        List<Map.Entry<String, Double>> places = List.of(
                Map.entry("A", 3.1), Map.entry("B", 2.9), Map.entry("C", 3.1), Map.entry("D", 4.0), Map.entry("E", 2.9));
        var ranked = Ranking.competition(places, Map.Entry::getValue);
        assertEquals(List.of("D"), Ranking.bottom(ranked, 1).stream().map(x -> x.item().getKey()).toList());
        assertEquals(List.of("D", "A", "C"), Ranking.bottom(ranked, 2).stream().map(x -> x.item().getKey()).toList());
        assertEquals(List.of(), Ranking.bottom(ranked, 0));
    }

    @Test
    void rankingAMapOfPlaces() {
        Map<String, Double> index = new LinkedHashMap<>();
        index.put("X", 5.12);
        index.put("Y", 4.01);
        index.put("Z", 5.12);
        index.put("W", 3.99);
        var r = Ranking.competition(index);
        assertEquals(List.of("W", "Y", "X", "Z"), r.stream().map(Ranking.Ranked::item).toList());
        assertEquals(List.of(1, 2, 3, 3), r.stream().map(Ranking.Ranked::rank).toList());
    }
}
