package org.airindex.domain.province;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.airindex.domain.Exact;
import org.airindex.domain.Ranking;

/**
 * Which station pulls its place away from the provincial average value, on the composite index and on PM2.5:
 * each station's value, its difference from its place's, and its share of the place's gap
 * share_i = (s_i − A) / Σ_j (s_j − A) over the place's stations that have a value, A the provincial average.
 *
 * <p>A place's value is the mean of its stations' (STANDARDS.md §3), so for PM2.5 means over the same days the
 * place's gap to A is exactly the mean of its stations' (s_i − A), and the shares split it: they sum to 1. Where
 * stations missed different days, or for the composite index (percentiles and a sum of ratios, not a mean of
 * the stations'), and because the values are compared as reported (rounded, as the province compares its
 * places), the place's own gap can differ a little from that mean; the shares still sum to 1. When the place is
 * worse than the average (the usual question), a station with a negative share is better than the average and
 * pulls the place toward it; when the place is better, the signs turn: a negative share is a station worse than
 * the average, eating into the place's lead.
 */
public final class StationContributions {
    private StationContributions() {
    }

    /**
     * @param places   the places compared, with their values as compared; stations of other places are left out
     * @param stations the stations' values, compared alike
     * @return per place (in the order given), per indicator, the stations by rank (no share last), then by code
     */
    public static List<ContributionEntry> entries(String period, List<PlaceStanding> places,
            List<StationStanding> stations, ProvinceAverages averages) {
        Map<String, List<StationStanding>> byPlace = new HashMap<>();
        for (StationStanding s : stations) {
            byPlace.computeIfAbsent(s.place(), p -> new ArrayList<>()).add(s);
        }
        List<ContributionEntry> out = new ArrayList<>();
        for (PlaceStanding place : places) {
            List<StationStanding> own = byPlace.getOrDefault(place.place(), List.of());
            if (own.isEmpty()) {
                continue;
            }
            own.sort(Comparator.comparing(StationStanding::station));
            out.addAll(entries(period, place.place(), Metric.COMPOSITE, place.composite(), own, averages.composite()));
            out.addAll(entries(period, place.place(), Metric.PM25, place.pm25(), own, averages.pm25()));
        }
        return out;
    }

    private static List<ContributionEntry> entries(String period, String place, Metric m, Double placeValue,
            List<StationStanding> stations, Double average) {
        // Station code → its gap s_i − A, in code order, so that equal shares keep it.
        Map<String, Exact> gaps = new TreeMap<>();
        Exact sum = Exact.ZERO;
        for (StationStanding s : stations) {
            Double v = value(m, s);
            if (v != null && average != null) {
                Exact gap = Exact.of(v).minus(Exact.of(average));
                gaps.put(s.station(), gap);
                sum = sum.plus(gap);
            }
        }
        Map<String, Double> shares = new TreeMap<>();
        if (sum.signum() != 0) {
            for (Map.Entry<String, Exact> g : gaps.entrySet()) {
                shares.put(g.getKey(), g.getValue().dividedBy(sum).toDouble());
            }
        }
        Map<String, Integer> ranks = new HashMap<>();
        // Largest share first: competition ranking is ascending, so on the negated shares.
        Ranking.competition(shares.keySet(), s -> -shares.get(s)).forEach(r -> ranks.put(r.item(), r.rank()));
        List<ContributionEntry> out = new ArrayList<>();
        for (StationStanding s : stations) {
            Double v = value(m, s);
            Double difference = v == null || placeValue == null ? null
                    : Exact.of(v).minus(Exact.of(placeValue)).toDouble();
            out.add(new ContributionEntry(place, s.station(), period, m.code(), v, placeValue, difference,
                    shares.get(s.station()), ranks.get(s.station()), stations.size()));
        }
        out.sort(Comparator.comparing((ContributionEntry e) -> e.rank() == null ? Integer.MAX_VALUE : e.rank())
                .thenComparing(ContributionEntry::station));
        return out;
    }

    private static Double value(Metric m, StationStanding s) {
        return m == Metric.COMPOSITE ? s.composite() : s.pm25();
    }
}
