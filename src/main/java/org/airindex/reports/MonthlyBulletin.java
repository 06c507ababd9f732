package org.airindex.reports;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.airindex.reports.Results.Average;
import org.airindex.reports.Results.Money;
import org.airindex.reports.Results.Note;
import org.airindex.reports.Results.PlacePeriod;
import org.airindex.reports.Results.Rank;

/**
 * The monthly bulletin (月通报) of one province, as the job settled the month: the assessed places (those
 * the scheme's scope put in the settlement, i.e. with money for the month), each with its values against the
 * provincial average value and average improvement rate and the amounts, the rankings with their ties, the
 * bottom-N lists, and the places left out of the settlement with the reason.
 *
 * @param counties     the settled places, the largest reward first
 * @param rankings     by metric (composite, pm25, composite_change, pm25_change), best first
 * @param bottom       by N, then metric: the places in the bottom N (后N名) of that ranking, worst first
 * @param illustrative whether any amount comes from coefficients the scheme marks illustrative
 */
public record MonthlyBulletin(String province, String month, Average average, List<CountySettlement> counties,
        Map<String, List<Rank>> rankings, Map<Integer, Map<String, List<Rank>>> bottom, List<Note> notes,
        boolean illustrative, PlaceNames names) {

    public static final List<String> METRICS = List.of("composite", "pm25", "composite_change", "pm25_change");

    /**
     * @param level   the assessed level (county, or city where a province settles cities)
     * @param bottomN the bottom-N sizes of the scheme (后N名 lists)
     * @throws ResultsException when the results hold no settlement of that month
     */
    public static MonthlyBulletin of(Results results, String province, YearMonth yearMonth, String level,
            List<Integer> bottomN) {
        String month = yearMonth.toString();
        String end = yearMonth.atEndOfMonth().toString();
        Average average = AsOf.on(end, results.averages(), a -> a.province() + "@" + a.period(), Average::asOf).stream()
                .filter(a -> a.province().equals(province) && a.period().equals(month))
                .findFirst()
                .orElseThrow(() -> new ResultsException("no provincial averages of " + province + " for " + month
                        + " in the results: has the job settled that month?"));
        String prefix = province + "/";
        List<PlacePeriod> all = results.periods(level).stream()
                .filter(p -> p.period().equals(month) && p.place().startsWith(prefix)).toList();
        List<PlacePeriod> periods = AsOf.on(end, all, PlacePeriod::place, PlacePeriod::asOf);
        PlaceNames names = new PlaceNames(all.stream().map(PlacePeriod::place).toList());

        // The settlement and rankings of the same version as the averages (a version may settle no place at all).
        String version = average.asOf();
        List<Money> money = results.money().stream().filter(m -> m.period().equals(month)
                && m.place().startsWith(prefix) && m.asOf().equals(version)).toList();
        Map<String, List<Money>> byPlace = money.stream().collect(Collectors.groupingBy(Money::place));
        List<CountySettlement> counties = new ArrayList<>();
        for (PlacePeriod p : periods) {
            List<Money> own = byPlace.get(p.place());
            if (own != null) {
                counties.add(CountySettlement.of(p, names.of(p.place()), own));
            }
        }
        counties.sort(Comparator.comparingLong(CountySettlement::total).reversed()
                .thenComparing(CountySettlement::place));

        List<Rank> ranks = results.rankings().stream().filter(r -> r.province().equals(province)
                && r.period().equals(month) && r.asOf().equals(version)).toList();
        Map<String, List<Rank>> rankings = new TreeMap<>(Comparator.comparingInt(METRICS::indexOf));
        Map<Integer, Map<String, List<Rank>>> bottom = new TreeMap<>();
        for (String metric : METRICS) {
            List<Rank> ranked = ranks.stream().filter(r -> r.metric().equals(metric))
                    .sorted(Comparator.comparingInt(Rank::rank).thenComparing(Rank::place)).toList();
            if (ranked.isEmpty()) {
                continue;
            }
            rankings.put(metric, ranked);
            for (int n : bottomN) {
                // bottomOf is the smallest N holding the place, so a place of the bottom 10 is in the bottom 20 too.
                bottom.computeIfAbsent(n, k -> new TreeMap<>(Comparator.comparingInt(METRICS::indexOf))).put(metric,
                        ranked.stream().filter(r -> r.bottomOf() != null && r.bottomOf() <= n)
                                .sorted(Comparator.comparingInt(Rank::rank).reversed().thenComparing(Rank::place))
                                .toList());
            }
        }

        List<Note> notes = results.notes().stream().filter(n -> n.period().equals(month) && n.asOf().equals(version)
                && n.place().startsWith(prefix)).sorted(Comparator.comparing(Note::place)).toList();
        return new MonthlyBulletin(province, month, average, counties, rankings, bottom, notes,
                money.stream().anyMatch(Money::illustrative), names);
    }

    public long total() {
        return counties.stream().mapToLong(CountySettlement::total).sum();
    }
}
