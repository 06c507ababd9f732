package org.airindex.domain.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.airindex.domain.Exact;

/**
 * A six-place province; every expectation is worked out by hand in the comments.
 *
 * <pre>
 * place            composite (last year)  PM2.5 (last year)  days
 * A 太原市/小店区   4 (5)  → −20.0 %        40 (50) → −20.0 %   28/30
 * B 太原市/迎泽区   4 (4)  →   0.0 %        45 (45) →   0.0 %   28/30
 * C 阳泉市/城区     5 (3)  → +66.7 %        50 (40) → +25.0 %   28/30
 * D 晋城市/城区     6 (6)  →   0.0 %        60 (48) → +25.0 %   28/30
 * E 大同市/平城区   6 (–)                   –                   28/30
 * F 临汾市/尧都区   7 (7)  →   0.0 %        70 (56) → +25.0 %   30/30
 * </pre>
 */
class ProvinceComparisonTest {
    static final String P = "山西省";
    static final String A = P + "/太原市/小店区";
    static final String B = P + "/太原市/迎泽区";
    static final String C = P + "/阳泉市/城区";
    static final String D = P + "/晋城市/城区";
    static final String E = P + "/大同市/平城区";
    static final String F = P + "/临汾市/尧都区";
    static final double EPS = 1e-9;

    static final List<PlaceStanding> PLACES = List.of(
            new PlaceStanding(A, 4.0, 40.0, 5.0, 50.0, 28, 30),
            new PlaceStanding(B, 4.0, 45.0, 4.0, 45.0, 28, 30),
            new PlaceStanding(C, 5.0, 50.0, 3.0, 40.0, 28, 30),
            new PlaceStanding(D, 6.0, 60.0, 6.0, 48.0, 28, 30),
            new PlaceStanding(E, 6.0, null, null, null, 28, 30),
            new PlaceStanding(F, 7.0, 70.0, 7.0, 56.0, 30, 30));

    static final ComparisonSettings MEAN_OF_RATES = new ComparisonSettings(List.of(3, 2), "mean_of_rates");

    static ProvinceResult result() {
        return ProvinceComparison.compare(P, "2025-11", PLACES, MEAN_OF_RATES);
    }

    @Test
    void averagesWithMeanOfRates() {
        ProvinceAverages a = result().averages();
        // composite (4+4+5+6+6+7)/6 = 32/6 = 5.333…
        assertEquals(32.0 / 6, a.composite(), EPS);
        // PM2.5 over the five places that have it: (40+45+50+60+70)/5 = 265/5
        assertEquals(53.0, a.pm25(), EPS);
        // composite rates: C (5−3)/3 = 66.67 → 66.7; mean (−20+0+66.7+0+0)/5 = 46.7/5
        assertEquals(9.34, a.compositeChange(), EPS);
        // PM2.5 rates: (−20+0+25+25+25)/5 = 55/5
        assertEquals(11.0, a.pm25Change(), EPS);
        assertEquals(6, a.places());
    }

    @Test
    void averagesWithRateOfMeans() {
        ProvinceAverages a = ProvinceComparison.compare(P, "2025-11", PLACES,
                new ComparisonSettings(List.of(2), "rate_of_means")).averages();
        // Only places with both years (E is left out): now (4+4+5+6+7)/5 = 5.2, last (5+4+3+6+7)/5 = 5.0,
        // (5.2 − 5.0)/5.0 × 100 = 4.0
        assertEquals(4.0, a.compositeChange(), EPS);
        // now 265/5 = 53.0, last (50+45+40+48+56)/5 = 239/5 = 47.8, 5.2/47.8 × 100 = 10.878… → 10.9
        assertEquals(10.9, a.pm25Change(), EPS);
        // the value averages do not depend on the mode
        assertEquals(53.0, a.pm25(), EPS);
    }

    @Test
    void compositeRankingTiesAndBottomBoundaryTie() {
        // 4,4,5,6,6,7 → ranks 1,1,3,4,4,6. Bottom 2 = F and the 5th worst position, held by D and E
        // tied at 4: both count as in. Bottom 3 = F, D, E, so none has 3 as its smallest N.
        assertEquals(List.of(
                row(1, A, 4.0, 6, null), row(1, B, 4.0, 6, null), row(3, C, 5.0, 6, null),
                row(4, D, 6.0, 6, 2), row(4, E, 6.0, 6, 2), row(6, F, 7.0, 6, 2)),
                rows(result(), "composite"));
    }

    @Test
    void pm25RankingLeavesOutMissingAndFlagsBottomThree() {
        // E has no PM2.5: 5 ranked. 40,45,50,60,70 → 1..5; bottom 2 = D, F; bottom 3 adds C.
        assertEquals(List.of(
                row(1, A, 40.0, 5, null), row(2, B, 45.0, 5, null), row(3, C, 50.0, 5, 3),
                row(4, D, 60.0, 5, 2), row(5, F, 70.0, 5, 2)),
                rows(result(), "pm25"));
    }

    @Test
    void changeRateRankings() {
        // composite: A −20 | B, D, F 0 (tie, input order) | C 66.7 → 1, 2,2,2, 5. Bottom 2 = C plus
        // the 4th position, a tie of B, D, F at rank 2: all in.
        assertEquals(List.of(
                row(1, A, -20.0, 5, null), row(2, B, 0.0, 5, 2), row(2, D, 0.0, 5, 2), row(2, F, 0.0, 5, 2),
                row(5, C, 66.7, 5, 2)),
                rows(result(), "composite_change"));
        // PM2.5: A −20 | B 0 | C, D, F 25 → 1, 2, 3,3,3; bottom 2 is the tie at 3.
        assertEquals(List.of(
                row(1, A, -20.0, 5, null), row(2, B, 0.0, 5, null), row(3, C, 25.0, 5, 2),
                row(3, D, 25.0, 5, 2), row(3, F, 25.0, 5, 2)),
                rows(result(), "pm25_change"));
    }

    @Test
    void rankingEntriesCarryProvinceAndPeriod() {
        RankingEntry first = result().rankings().get(0);
        assertEquals(P, first.province());
        assertEquals("2025-11", first.period());
    }

    @Test
    void gapToAverageForAPlaceAlreadyBetter() {
        // A composite 4: others' mean (32 − 4)/5 = 5.6; reduction 0;
        // daily (5.6·30 − 4·28)/(30 − 28) = (168 − 112)/2 = 28
        assertEquals(List.of(gap(A, "composite", "provincial_average", 4.0, 5.6, 0.0, 28.0)),
                gaps(result(), A, "composite"));
        // A PM2.5 40: (265 − 40)/4 = 56.25; daily (56.25·30 − 40·28)/2 = (1687.5 − 1120)/2 = 283.75
        assertEquals(List.of(gap(A, "pm25", "provincial_average", 40.0, 56.25, 0.0, 283.75)),
                gaps(result(), A, "pm25"));
    }

    @Test
    void gapsOfAPlaceTiedAtTheBottomBoundary() {
        // D composite 6, S = 32, n = 6.
        // average: (32 − 6)/5 = 5.2; reduction 0.8; daily (5.2·30 − 6·28)/2 = (156 − 168)/2 = −6 (out of reach)
        // bottom 2: of 6 − 2 = 4th smallest of the others {4,4,5,6,7} = 6 (E): D must get strictly
        //   below its tie with E, reduction 6 − 6 = 0; daily (6·30 − 6·28)/2 = 6
        // bottom 3: 3rd smallest of the others = 5; reduction 1; daily (150 − 168)/2 = −9
        assertEquals(List.of(
                gap(D, "composite", "provincial_average", 6.0, 5.2, 0.8, -6.0),
                gap(D, "composite", "leave_bottom_2", 6.0, 6.0, 0.0, 6.0),
                gap(D, "composite", "leave_bottom_3", 6.0, 5.0, 1.0, -9.0)),
                gaps(result(), D, "composite"));
    }

    @Test
    void gapsWithNoDaysLeft() {
        // F composite 7, 30 of 30 days: average (32 − 7)/5 = 5.0, reduction 2; bottom 2: 4th smallest
        // of {4,4,5,6,6} = 6, reduction 1; bottom 3: 3rd smallest = 5, reduction 2; no daily level.
        assertEquals(List.of(
                gap(F, "composite", "provincial_average", 7.0, 5.0, 2.0, null),
                gap(F, "composite", "leave_bottom_2", 7.0, 6.0, 1.0, null),
                gap(F, "composite", "leave_bottom_3", 7.0, 5.0, 2.0, null)),
                gaps(result(), F, "composite"));
    }

    @Test
    void pm25GapOutOfBottomThreeOnly() {
        // C PM2.5 50 is in the bottom 3 but not the bottom 2.
        // average: (265 − 50)/4 = 53.75, reduction 0; daily (53.75·30 − 50·28)/2 = (1612.5 − 1400)/2 = 106.25
        // bottom 3: of 5 − 3 = 2nd smallest of the others {40,45,60,70} = 45; reduction 5;
        //   daily (45·30 − 50·28)/2 = (1350 − 1400)/2 = −25
        assertEquals(List.of(
                gap(C, "pm25", "provincial_average", 50.0, 53.75, 0.0, 106.25),
                gap(C, "pm25", "leave_bottom_3", 50.0, 45.0, 5.0, -25.0)),
                gaps(result(), C, "pm25"));
    }

    @Test
    void noGapsForAMissingValueNorOutOfABottomHoldingEveryone() {
        assertTrue(gaps(result(), E, "pm25").isEmpty());
        // Two places, bottom 2: both are in it and no value leaves it; only the average gap remains.
        // X 3 vs Y 5: X's target is Y's 5, reduction 0; daily (5·30 − 3·28)/2 = (150 − 84)/2 = 33
        List<PlaceStanding> two = List.of(
                new PlaceStanding(P + "/太原市/清徐县", 3.0, null, null, null, 28, 30),
                new PlaceStanding(P + "/太原市/阳曲县", 5.0, null, null, null, 28, 30));
        ProvinceResult r = ProvinceComparison.compare(P, "2025-11", two, new ComparisonSettings(List.of(2), null));
        assertEquals(List.of(gap(P + "/太原市/清徐县", "composite", "provincial_average", 3.0, 5.0, 0.0, 33.0)),
                gaps(r, P + "/太原市/清徐县", "composite"));
    }

    @Test
    void refusesPlacesOutsideTheProvinceOrTwice() {
        PlaceStanding other = new PlaceStanding("河北省/石家庄市/长安区", 5.0, 50.0, null, null, 1, 30);
        assertThrows(IllegalArgumentException.class,
                () -> ProvinceComparison.compare(P, "2025-11", List.of(other), MEAN_OF_RATES));
        PlaceStanding a = PLACES.get(0);
        assertThrows(IllegalArgumentException.class,
                () -> ProvinceComparison.compare(P, "2025-11", List.of(a, a), MEAN_OF_RATES));
    }

    @Test
    void missingValueLeavesThePlaceOutOfThatRankingOnly() {
        assertNull(result().rankings().stream()
                .filter(e -> e.metric().equals("pm25") && e.place().equals(E)).findAny().orElse(null));
        assertEquals(1, result().rankings().stream()
                .filter(e -> e.metric().equals("composite") && e.place().equals(E)).count());
    }

    private static List<String> rows(ProvinceResult r, String metric) {
        List<String> out = new ArrayList<>();
        for (RankingEntry e : r.rankings()) {
            if (e.metric().equals(metric)) {
                out.add(row(e.rank(), e.place(), e.value(), e.of(), e.bottomOf()));
            }
        }
        return out;
    }

    private static String row(int rank, String place, double value, int of, Integer bottomOf) {
        return rank + " " + place + " " + value + " of " + of + " bottom " + bottomOf;
    }

    private static List<String> gaps(ProvinceResult r, String place, String indicator) {
        List<String> out = new ArrayList<>();
        for (GapEntry g : r.gaps()) {
            if (g.place().equals(place) && g.indicator().equals(indicator)) {
                assertEquals("2025-11", g.period());
                out.add(gap(g.place(), g.indicator(), g.target(), g.current(), g.targetValue(), g.reduction(),
                        g.dailyNeeded()));
            }
        }
        return out;
    }

    /** Figures rounded to 9 decimals so that binary noise does not hide behind an exact comparison. */
    private static String gap(String place, String indicator, String target, double current, Double targetValue,
            double reduction, Double daily) {
        return String.join(" ", Arrays.asList(place, indicator, target, r9(current), r9(targetValue), r9(reduction),
                r9(daily)));
    }

    private static String r9(Double v) {
        return v == null ? "null" : String.format("%.9f", v);
    }

    /**
     * The gaps as defined (the mean of the others, the k-th smallest of the others, each place's others listed
     * anew) on random provinces with ties and missing values, against the comparison's one sorted pass; and the
     * what-if's comparison without gaps has the same averages and rankings.
     */
    @Test
    void gapsMatchTheirDefinitionOnRandomProvincesWithTies() {
        Random random = new Random(18);
        for (int trial = 0; trial < 200; trial++) {
            List<PlaceStanding> places = new ArrayList<>();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                Double composite = random.nextInt(10) == 0 ? null : (300 + random.nextInt(30)) / 100.0;
                Double pm25 = random.nextInt(10) == 0 ? null : (double) (30 + random.nextInt(8));
                places.add(new PlaceStanding(P + "/市/县" + i, composite, pm25, 4.0, 40.0, 10, 31));
            }
            ProvinceResult result = ProvinceComparison.compare(P, "2026-08", places, MEAN_OF_RATES);
            List<GapEntry> expected = new ArrayList<>();
            for (PlaceStanding p : places) {
                for (String metric : List.of("composite", "pm25")) {
                    RankingEntry entry = result.rankings().stream().filter(r -> r.place().equals(p.place())
                            && r.metric().equals(metric)).findFirst().orElse(null);
                    if (entry != null) {
                        expected.addAll(definedGaps(p, metric, entry, places));
                    }
                }
            }
            assertEquals(expected, result.gaps(), "trial " + trial);
            ProvinceResult ranked = ProvinceComparison.ranked(P, "2026-08", places, MEAN_OF_RATES);
            assertEquals(result.averages(), ranked.averages());
            assertEquals(result.rankings(), ranked.rankings());
            assertEquals(List.of(), ranked.gaps());
        }
    }

    private static List<GapEntry> definedGaps(PlaceStanding place, String metric, RankingEntry entry,
            List<PlaceStanding> places) {
        Function<PlaceStanding, Double> value = metric.equals("composite") ? PlaceStanding::composite
                : PlaceStanding::pm25;
        double c = value.apply(place);
        List<BigDecimal> others = new ArrayList<>();
        for (PlaceStanding p : places) {
            if (!p.place().equals(place.place()) && value.apply(p) != null) {
                others.add(BigDecimal.valueOf(value.apply(p)));
            }
        }
        List<GapEntry> out = new ArrayList<>();
        if (!others.isEmpty()) {
            BigDecimal sum = others.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            double mean = Exact.of(sum).dividedBy(Exact.of(BigDecimal.valueOf(others.size()))).toDouble();
            out.add(definedGap(place, metric, c, "provincial_average", mean));
        }
        others.sort(Comparator.naturalOrder());
        for (int bottom : MEAN_OF_RATES.bottomN().stream().sorted().toList()) {
            int lastOut = entry.of() - bottom;
            if (entry.bottomOf() != null && bottom >= entry.bottomOf() && lastOut >= 1) {
                out.add(definedGap(place, metric, c, "leave_bottom_" + bottom, others.get(lastOut - 1).doubleValue()));
            }
        }
        return out;
    }

    private static GapEntry definedGap(PlaceStanding p, String metric, double current, String target, double value) {
        BigDecimal reduction = BigDecimal.valueOf(current).subtract(BigDecimal.valueOf(value)).max(BigDecimal.ZERO);
        BigDecimal needed = BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(p.daysInPeriod()))
                .subtract(BigDecimal.valueOf(current).multiply(BigDecimal.valueOf(p.daysSoFar())));
        return new GapEntry(p.place(), "2026-08", metric, target, current, value, reduction.doubleValue(),
                needed.divide(BigDecimal.valueOf(p.daysInPeriod() - p.daysSoFar()), MathContext.DECIMAL64).doubleValue());
    }
}
