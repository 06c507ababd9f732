package org.airindex.domain.province;

import java.util.ArrayList;
import java.util.List;
import org.airindex.domain.Exact;
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
        // The index's PM2.5 term is weight × C / S: a unit of the index is S / weight µg/m³ of PM2.5.
        Exact pmPerIndex = Exact.of(rs.compositeStandard(Pollutant.PM25)).dividedBy(
                Exact.of(rs.compositeWeight(Pollutant.PM25)));
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
            Exact needed = pm25 == null ? null
                    : max0(Exact.of(pm25).minus(Exact.of(gap.reduction()).times(pmPerIndex)));
            int d = standing.daysSoFar();
            int days = standing.daysInPeriod();
            Exact daily = needed == null || d == days ? null
                    : needed.times(days).minus(Exact.of(pm25).times(d)).dividedBy(days - d);
            out.add(new NationalEstimate(city, period, published, standing.composite(), rank.rank(), rank.of(), n,
                    true, gap.targetValue(), gap.reduction(), gap.dailyNeeded(), pm25,
                    needed == null ? null : needed.toDouble(), daily == null ? null : daily.toDouble()));
        }
        return out;
    }

    private static Exact max0(Exact v) {
        return v.signum() < 0 ? Exact.ZERO : v;
    }
}
