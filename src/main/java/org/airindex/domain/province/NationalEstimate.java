package org.airindex.domain.province;

import java.util.ArrayList;
import java.util.List;
import org.airindex.domain.CompositeIndex;
import org.airindex.domain.PeriodValues;
import org.airindex.domain.Pollutant;
import org.airindex.domain.RuleSet;

/**
 * Where a city would stand in the national ranking now: its own month-to-date composite index among the other
 * cities' values of the last published month (they are assumed unchanged), ranked and gapped by the same code
 * as the province's places ({@link ProvinceComparison}), with the PM2.5 that would reach each target, other
 * pollutants held.
 *
 * @param tablePeriod  the published month the other cities' values come from
 * @param n            the bottom N this target is about (leave the bottom 10, 20)
 * @param inBottom     whether the city is in that bottom N now
 * @param neededComposite the composite index the month must get strictly below to leave it, null when out
 * @param reduction    how far the month's composite index must fall, 0 when already out
 * @param dailyComposite the composite index the remaining days need on average (an approximation: the index
 *                     is not a mean of days), null when none remain
 * @param neededPm25   the month's PM2.5 that lowers the index by the reduction, other pollutants held
 * @param dailyPm25    the PM2.5 the remaining days need on average for that, null when none remain
 */
public record NationalEstimate(String city, String period, String tablePeriod, double composite, int rank, int of,
        int n, boolean inBottom, Double neededComposite, double reduction, Double dailyComposite, Double pm25,
        Double neededPm25, Double dailyPm25) {

    public static final String ASSUMPTION = "other cities as in the last published national table";
    /** The cities are compared as the places of a "province" of this name: 全国/太原市. */
    private static final String NATION = "全国";

    /**
     * @param city     the city's name in the table
     * @param standing the city's month so far (composite index, PM2.5, days)
     * @param values   its month's statistics, for the PM2.5 that the index needs
     * @return one estimate per bottom N (with nothing needed where the city is out of it), none when the table
     *         has no month before this one
     */
    public static List<NationalEstimate> of(NationalTable table, String city, PlaceStanding standing,
            PeriodValues values, RuleSet rs, String period, List<Integer> bottomN) {
        List<NationalEstimate> out = new ArrayList<>();
        String published = table.publishedBefore(period).orElse(null);
        if (published == null || standing.composite() == null) {
            return out;
        }
        List<PlaceStanding> places = new ArrayList<>();
        for (NationalTable.Row r : table.month(published)) {
            if (!r.city().equals(city)) {
                places.add(new PlaceStanding(NATION + "/" + r.city(), r.composite(), null, null, null, 1, 1));
            }
        }
        String key = NATION + "/" + city;
        places.add(new PlaceStanding(key, standing.composite(), null, null, null, standing.daysSoFar(),
                standing.daysInPeriod()));
        ProvinceResult result = ProvinceComparison.compare(NATION, period, places,
                new ComparisonSettings(bottomN, ComparisonSettings.MEAN_OF_RATES));
        RankingEntry rank = result.rankings().stream()
                .filter(r -> r.place().equals(key) && r.metric().equals(Metric.COMPOSITE.code())).findFirst()
                .orElseThrow();
        Double pmPerIndex = pm25PerIndex(values, rs);
        Double pm25 = values.pm25() == null ? null : values.pm25().doubleValue();
        for (int n : bottomN) {
            GapEntry gap = result.gaps().stream().filter(g -> g.place().equals(key)
                    && g.target().equals(ProvinceComparison.LEAVE_BOTTOM + n)).findFirst().orElse(null);
            if (gap == null) {
                // Out of it; or, with no more cities than N, in it with no way out.
                out.add(new NationalEstimate(city, period, published, standing.composite(), rank.rank(), rank.of(), n,
                        rank.bottomOf() != null && rank.bottomOf() <= n, null, 0, null, pm25, null, null));
                continue;
            }
            Double neededPm25 = pm25 == null || pmPerIndex == null ? null
                    : Math.max(0, pm25 - gap.reduction() * pmPerIndex);
            Double dailyPm25 = neededPm25 == null || standing.daysSoFar() == standing.daysInPeriod() ? null
                    : (neededPm25 * standing.daysInPeriod() - pm25 * standing.daysSoFar())
                            / (standing.daysInPeriod() - standing.daysSoFar());
            out.add(new NationalEstimate(city, period, published, standing.composite(), rank.rank(), rank.of(), n,
                    true, gap.targetValue(), gap.reduction(), gap.dailyNeeded(), pm25, neededPm25, dailyPm25));
        }
        return out;
    }

    /** µg/m³ of PM2.5 per unit of the composite index: the reciprocal of its PM2.5 term's slope, S(PM2.5). */
    private static Double pm25PerIndex(PeriodValues values, RuleSet rs) {
        if (!values.missing().isEmpty() || values.pm25().doubleValue() <= 0) {
            return null;
        }
        CompositeIndex index = rs.compositeIndex(values);
        return values.pm25().doubleValue() / index.subIndex(Pollutant.PM25);
    }
}
