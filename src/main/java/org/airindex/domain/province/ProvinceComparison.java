package org.airindex.domain.province;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.airindex.domain.ChangeRate;
import org.airindex.domain.Ranking;

/**
 * Compares a province's places for one period (STANDARDS.md §4, §6): provincial averages, rankings
 * with the bottom-N flags, and each place's gap to the provincial average and out of each bottom N.
 */
public final class ProvinceComparison {
    public static final String PROVINCIAL_AVERAGE = "provincial_average";
    public static final String LEAVE_BOTTOM = "leave_bottom_";
    private static final List<Metric> GAP_METRICS = List.of(Metric.COMPOSITE, Metric.PM25);

    private ProvinceComparison() {
    }

    public static ProvinceResult compare(String province, String period, List<PlaceStanding> places,
            ComparisonSettings settings) {
        checkPlaces(province, places);
        Map<Metric, List<RankingEntry>> ranked = rankings(province, period, places, settings.bottomN());
        Map<Metric, Map<String, RankingEntry>> byPlace = new EnumMap<>(Metric.class);
        Map<Metric, Values> values = new EnumMap<>(Metric.class);
        for (Metric m : GAP_METRICS) {
            Map<String, RankingEntry> index = new HashMap<>();
            ranked.get(m).forEach(r -> index.put(r.place(), r));
            byPlace.put(m, index);
            values.put(m, new Values(values(places, m)));
        }
        List<GapEntry> gaps = new ArrayList<>();
        for (PlaceStanding p : places) {
            for (Metric m : GAP_METRICS) {
                RankingEntry entry = byPlace.get(m).get(p.place());
                if (entry != null) {
                    gaps.addAll(gaps(period, m, p, entry, values.get(m), settings.bottomN()));
                }
            }
        }
        return new ProvinceResult(province, period, averages(places, settings), all(ranked), gaps);
    }

    /**
     * The averages and rankings without the gaps to target: what a what-if needs of each of its projections,
     * the job making one per place and cut every day.
     */
    public static ProvinceResult ranked(String province, String period, List<PlaceStanding> places,
            ComparisonSettings settings) {
        checkPlaces(province, places);
        return new ProvinceResult(province, period, averages(places, settings),
                all(rankings(province, period, places, settings.bottomN())), List.of());
    }

    private static Map<Metric, List<RankingEntry>> rankings(String province, String period, List<PlaceStanding> places,
            List<Integer> bottomN) {
        Map<Metric, List<RankingEntry>> out = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            out.put(m, rank(province, period, m, places, bottomN));
        }
        return out;
    }

    private static List<RankingEntry> all(Map<Metric, List<RankingEntry>> byMetric) {
        List<RankingEntry> out = new ArrayList<>();
        byMetric.values().forEach(out::addAll);
        return out;
    }

    private static ProvinceAverages averages(List<PlaceStanding> places, ComparisonSettings settings) {
        boolean meanOfRates = settings.improvementRate().equals(ComparisonSettings.MEAN_OF_RATES);
        return new ProvinceAverages(
                Decimals.mean(values(places, Metric.COMPOSITE)),
                Decimals.mean(values(places, Metric.PM25)),
                meanOfRates ? Decimals.mean(values(places, Metric.COMPOSITE_CHANGE))
                        : rateOfMeans(places, PlaceStanding::composite, PlaceStanding::compositeLastYear),
                meanOfRates ? Decimals.mean(values(places, Metric.PM25_CHANGE))
                        : rateOfMeans(places, PlaceStanding::pm25, PlaceStanding::pm25LastYear),
                places.size());
    }

    /** Only places with both years enter either mean, so the rate compares like with like. */
    private static Double rateOfMeans(List<PlaceStanding> places, Function<PlaceStanding, Double> now,
            Function<PlaceStanding, Double> lastYear) {
        List<Double> nows = new ArrayList<>();
        List<Double> lasts = new ArrayList<>();
        for (PlaceStanding p : places) {
            if (now.apply(p) != null && lastYear.apply(p) != null) {
                nows.add(now.apply(p));
                lasts.add(lastYear.apply(p));
            }
        }
        // Both means are over the same places, so their rate is that of the sums: exact decimals, no quotient.
        return nows.isEmpty() ? null
                : ChangeRate.percent(Decimals.sum(nows).doubleValue(), Decimals.sum(lasts).doubleValue());
    }

    private static List<RankingEntry> rank(String province, String period, Metric m, List<PlaceStanding> places,
            List<Integer> bottomN) {
        List<PlaceStanding> having = new ArrayList<>();
        for (PlaceStanding p : places) {
            if (m.of(p) != null) {
                having.add(p);
            }
        }
        List<Ranking.Ranked<PlaceStanding>> ranked = Ranking.competition(having, p -> m.of(p));
        Map<String, Integer> bottomOf = new HashMap<>();
        // Ascending N, so the first bottom that holds a place is the smallest.
        for (int n : bottomN) {
            for (Ranking.Ranked<PlaceStanding> r : Ranking.bottom(ranked, n)) {
                bottomOf.putIfAbsent(r.item().place(), n);
            }
        }
        List<RankingEntry> out = new ArrayList<>(ranked.size());
        for (Ranking.Ranked<PlaceStanding> r : ranked) {
            out.add(new RankingEntry(province, period, m.code(), r.rank(), r.item().place(), r.value(), ranked.size(),
                    bottomOf.get(r.item().place())));
        }
        return out;
    }

    private static List<GapEntry> gaps(String period, Metric m, PlaceStanding place, RankingEntry entry,
            Values values, List<Integer> bottomN) {
        double c = m.of(place);
        List<GapEntry> out = new ArrayList<>();
        if (values.sorted.length > 1) {
            // The average moves with the place's own value: c' < (S − c + c')/n ⇔ c' < (S − c)/(n − 1),
            // which is the mean of the others.
            BigDecimal target = Decimals.of(Decimals.divide(values.sum.subtract(Decimals.of(c)),
                    BigDecimal.valueOf(values.sorted.length - 1L)));
            out.add(gap(period, m, place, c, PROVINCIAL_AVERAGE, target));
        }
        for (int n : bottomN) {
            int lastOut = entry.of() - n;
            // Bottoms are nested, so the place is in every N from bottomOf up; with lastOut < 1 every
            // place is in the bottom N and no value leaves it.
            if (entry.bottomOf() != null && n >= entry.bottomOf() && lastOut >= 1) {
                // Out of the bottom N means at least N others strictly worse: strictly below the
                // lastOut-th smallest of the others (a tie with it is a tie with the N-th worst, still in).
                // The place is among the N worst, after the lastOut smallest: they are the others' too.
                out.add(gap(period, m, place, c, LEAVE_BOTTOM + n, Decimals.of(values.sorted[lastOut - 1])));
            }
        }
        return out;
    }

    /**
     * A metric's values over the places that have one, sorted, with their exact decimal sum: each place's gaps
     * take "the others" from them without a list of its own (the job compares every place every day, and a
     * what-if once more per place and cut).
     */
    private static final class Values {
        final double[] sorted;
        final BigDecimal sum;

        Values(List<Double> values) {
            sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            sum = Decimals.sum(values);
        }
    }

    private static GapEntry gap(String period, Metric m, PlaceStanding p, double current, String target,
            BigDecimal targetValue) {
        BigDecimal reduction = Decimals.of(current).subtract(targetValue).max(BigDecimal.ZERO);
        return new GapEntry(p.place(), period, m.code(), target, current, targetValue.doubleValue(),
                reduction.doubleValue(), dailyNeeded(targetValue, current, p.daysSoFar(), p.daysInPeriod()));
    }

    /**
     * The period value is the mean of its days, so target·D = c·d + x·(D − d) gives the mean x of the
     * remaining days. The composite index is not such a mean (CO and O3 enter as percentiles); for it
     * the figure is an approximation.
     */
    private static Double dailyNeeded(BigDecimal target, double current, int d, int days) {
        if (days == d) {
            return null;
        }
        BigDecimal needed = target.multiply(BigDecimal.valueOf(days))
                .subtract(Decimals.of(current).multiply(BigDecimal.valueOf(d)));
        return needed.divide(BigDecimal.valueOf(days - d), MathContext.DECIMAL64).doubleValue();
    }

    private static List<Double> values(List<PlaceStanding> places, Metric m) {
        List<Double> out = new ArrayList<>();
        for (PlaceStanding p : places) {
            Double v = m.of(p);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static void checkPlaces(String province, List<PlaceStanding> places) {
        Set<String> seen = new HashSet<>();
        for (PlaceStanding p : places) {
            if (!p.place().startsWith(province + "/")) {
                throw new IllegalArgumentException(p.place() + " is not in " + province);
            }
            if (!seen.add(p.place())) {
                throw new IllegalArgumentException("place listed twice: " + p.place());
            }
        }
    }
}
