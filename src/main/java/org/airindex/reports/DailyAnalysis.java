package org.airindex.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.airindex.domain.Ranking;
import org.airindex.reports.Results.Alert;
import org.airindex.reports.Results.Contribution;
import org.airindex.reports.Results.Day;

/**
 * The daily analysis (日分析) of one province for one day: each place of the assessed level with its daily AQI,
 * category, primary pollutant and PM2.5, its rank by AQI that day, the same day last year; the places whose AQI
 * was above the province's (which pulled the province down); each place's stations with the largest shares of
 * its gap to the provincial average value over the month so far; the pollution and suspicious-data alerts
 * opened that day; and the province's last 30 days.
 *
 * @param counties     by rank, unranked (no AQI) last
 * @param pullingDown  the places above the province's AQI, worst first
 * @param topStations  per place (in key order) and indicator (composite, then PM2.5), its stations ranked within
 *                     the top {@value #TOP_STATIONS} by share of its gap to the provincial average value, month to
 *                     date as of the day (the latest version on or before it)
 * @param lastDays     the province's days from date − 29 to date, null where a day has no value
 */
public record DailyAnalysis(String province, LocalDate date, Day provinceDay, Day provinceLastYear,
        List<PlaceDay> counties, List<PlaceDay> pullingDown, List<Contribution> topStations, List<Alert> pollution,
        List<Alert> suspiciousData, List<Day> lastDays, PlaceNames names) {

    /** A place's day, the same day of last year (null when the results lack it), its rank by AQI (null: no AQI). */
    public record PlaceDay(String place, Day day, Day lastYear, Integer rank) {
    }

    static final int CHART_DAYS = 30;
    /** The stations shown per place and indicator: the largest shares, with ties. */
    static final int TOP_STATIONS = 2;

    public static DailyAnalysis of(Results results, String province, LocalDate date, String level) {
        String day = date.toString();
        // 29 February has no same day last year.
        String lastYear = date.getMonthValue() == 2 && date.getDayOfMonth() == 29 ? null : date.minusYears(1).toString();
        String prefix = province + "/";
        Map<String, Day> today = new HashMap<>();
        Map<String, Day> yearAgo = new HashMap<>();
        Set<String> places = new TreeSet<>();
        for (Day d : results.days(level)) {
            if (d.place().startsWith(prefix)) {
                places.add(d.place());
                if (d.date().equals(day)) {
                    today.put(d.place(), d);
                } else if (d.date().equals(lastYear)) {
                    yearAgo.put(d.place(), d);
                }
            }
        }
        if (today.isEmpty()) {
            throw new ResultsException("no daily values of " + province + "'s " + level + " places for " + day
                    + " in the results");
        }
        Map<String, Day> provinceDays = new HashMap<>();
        results.days("province").stream().filter(d -> d.place().equals(province))
                .forEach(d -> provinceDays.put(d.date(), d));

        List<Day> withAqi = today.values().stream().filter(d -> d.aqi() != null)
                .sorted(Comparator.comparing(Day::place)).toList();
        Map<String, Integer> rank = new HashMap<>();
        Ranking.competition(withAqi, d -> d.aqi()).forEach(r -> rank.put(r.item().place(), r.rank()));
        List<PlaceDay> counties = new ArrayList<>();
        today.values().forEach(d -> counties.add(new PlaceDay(d.place(), d, yearAgo.get(d.place()), rank.get(d.place()))));
        counties.sort(Comparator.comparing((PlaceDay p) -> p.rank() == null ? Integer.MAX_VALUE : p.rank())
                .thenComparing(PlaceDay::place));

        Day provinceDay = provinceDays.get(day);
        List<PlaceDay> pullingDown = provinceDay == null || provinceDay.aqi() == null ? List.of() : counties.stream()
                .filter(p -> p.day().aqi() != null && p.day().aqi() > provinceDay.aqi())
                .sorted(Comparator.comparing((PlaceDay p) -> -p.day().aqi()).thenComparing(PlaceDay::place)).toList();

        String month = YearMonth.from(date).toString();
        List<Contribution> topStations = AsOf.on(day, results.contributions().stream()
                .filter(c -> c.period().equals(month) && c.place().startsWith(prefix)).toList(), Contribution::period,
                Contribution::asOf).stream().filter(c -> c.rank() != null && c.rank() <= TOP_STATIONS)
                .sorted(Comparator.comparing(Contribution::place)
                        .thenComparing(Contribution::indicator) // composite, then pm25
                        .thenComparing(Contribution::rank).thenComparing(Contribution::station))
                .toList();

        List<Alert> opened = results.alerts().stream()
                .filter(a -> AlertKinds.startDay(a).equals(day) && a.place().startsWith(prefix))
                .sorted(AlertKinds.ORDER).toList();

        List<Day> lastDays = new ArrayList<>();
        for (int i = CHART_DAYS - 1; i >= 0; i--) {
            String d = date.minusDays(i).toString();
            lastDays.add(provinceDays.getOrDefault(d, new Day(province, d, null, null, "", "", false)));
        }
        return new DailyAnalysis(province, date, provinceDay, lastYear == null ? null : provinceDays.get(lastYear),
                counties, pullingDown, topStations,
                opened.stream().filter(a -> AlertKinds.pollution(a.type())).toList(),
                opened.stream().filter(a -> AlertKinds.suspiciousData(a.type())).toList(), lastDays,
                new PlaceNames(places));
    }
}
