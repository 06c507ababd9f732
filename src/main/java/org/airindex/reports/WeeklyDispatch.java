package org.airindex.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.airindex.domain.Period;
import org.airindex.reports.Results.Alert;
import org.airindex.reports.Results.Average;
import org.airindex.reports.Results.Gap;
import org.airindex.reports.Results.Money;
import org.airindex.reports.Results.National;
import org.airindex.reports.Results.PlacePeriod;
import org.airindex.reports.Results.Rank;

/**
 * The weekly dispatch (周调度) of one province for one ISO week, as of its Sunday: month- and year-to-date
 * values per place with their change rates and ranks, how each rank moved since the Sunday before, the gap to
 * each target, the places whose month so far settles to a penalty (at risk of a fine), and the alerts open.
 *
 * @param places  by month-to-date composite rank, unranked last
 * @param atRisk  places whose month-to-date settlement is negative, largest penalty first, with the amount
 * @param national the province's cities' national estimates as of the week's end, by city then bottom N
 * @param campaigns the named periods (the autumn-winter campaign, ...) whose results the week updated, by period
 */
public record WeeklyDispatch(String province, String week, LocalDate from, LocalDate to, String month, String ytd,
        Average monthAverage, Average ytdAverage, List<PlaceWeek> places, List<Gap> gaps, Map<String, Long> atRisk,
        List<Alert> open, List<National> national, List<Campaign> campaigns, PlaceNames names) {

    /** A named period to date as of the week's end: the provincial average and each place's value and rank. */
    public record Campaign(Average average, List<CampaignPlace> places) {
    }

    /** @param rank the composite rank, null where the place was not ranked */
    public record CampaignPlace(String place, PlacePeriod value, Integer rank) {
    }

    /** A place's month and year to date as of the week's end, with its composite ranks then and a week before. */
    public record PlaceWeek(String place, PlacePeriod month, PlacePeriod ytd, Integer monthRank,
            Integer monthRankBefore, Integer ytdRank, Integer ytdRankBefore) {
    }

    /** @param week an ISO week such as {@code 2026-W33} */
    public static WeeklyDispatch of(Results results, String province, String week, String level) {
        LocalDate from = monday(week);
        LocalDate to = from.plusDays(6);
        String end = to.toString();
        String before = from.minusDays(1).toString();
        YearMonth ym = YearMonth.from(to);
        String month = ym.toString();
        String ytd = ym.getYear() + "-01.." + month;
        String prefix = province + "/";

        List<Average> averages = AsOf.on(end, results.averages().stream()
                .filter(a -> a.province().equals(province)).toList(), a -> a.period(), Average::asOf);
        Average monthAverage = averages.stream().filter(a -> a.period().equals(month)).findFirst()
                .orElseThrow(() -> new ResultsException("no provincial averages of " + province + " for " + month
                        + " by " + end + " in the results"));
        Average ytdAverage = averages.stream().filter(a -> a.period().equals(ytd)).findFirst().orElse(null);

        List<PlacePeriod> ofProvince = results.periods(level).stream().filter(p -> p.place().startsWith(prefix)).toList();
        List<PlacePeriod> periods = ofProvince.stream().filter(p -> p.period().equals(month) || p.period().equals(ytd))
                .toList();
        Map<String, PlacePeriod> monthNow = byPlace(AsOf.on(end, periods, p -> p.place() + "@" + p.period(),
                PlacePeriod::asOf), month);
        Map<String, PlacePeriod> ytdNow = byPlace(AsOf.on(end, periods, p -> p.place() + "@" + p.period(),
                PlacePeriod::asOf), ytd);

        List<Rank> ranks = results.rankings().stream().filter(r -> r.province().equals(province)
                && r.metric().equals("composite")).toList();
        Map<String, Integer> monthRank = ranks(ranks, month, end);
        Map<String, Integer> ytdRank = ranks(ranks, ytd, end);
        // A week that starts a month has no month-to-date rank before it: its movement is left out.
        Map<String, Integer> monthRankBefore = YearMonth.from(from.minusDays(1)).equals(ym) ? ranks(ranks, month, before)
                : Map.of();
        // The year to date before the week ends a month earlier where the week starts a month (…2026-07, then …2026-08).
        YearMonth monthBefore = YearMonth.from(from.minusDays(1));
        Map<String, Integer> ytdRankBefore = monthBefore.getYear() == ym.getYear()
                ? ranks(ranks, monthBefore.getYear() + "-01.." + monthBefore, before) : Map.of();

        List<PlaceWeek> places = new ArrayList<>();
        for (String place : monthNow.keySet()) {
            places.add(new PlaceWeek(place, monthNow.get(place), ytdNow.get(place), monthRank.get(place),
                    monthRankBefore.get(place), ytdRank.get(place), ytdRankBefore.get(place)));
        }
        places.sort(Comparator.comparing((PlaceWeek p) -> p.monthRank() == null ? Integer.MAX_VALUE : p.monthRank())
                .thenComparing(PlaceWeek::place));

        String version = monthAverage.asOf();
        List<Gap> gaps = results.gaps().stream().filter(g -> g.period().equals(month) && g.asOf().equals(version)
                && g.place().startsWith(prefix)).sorted(Comparator.comparing(Gap::place)
                .thenComparing(Gap::indicator).thenComparing(Gap::target)).toList();
        Map<String, Long> settled = results.money().stream().filter(m -> m.period().equals(month)
                && m.asOf().equals(version) && m.place().startsWith(prefix))
                .collect(Collectors.groupingBy(Money::place, Collectors.summingLong(Money::amountCny)));
        Map<String, Long> atRisk = new LinkedHashMap<>();
        settled.entrySet().stream().filter(e -> e.getValue() < 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> atRisk.put(e.getKey(), e.getValue()));

        // Open at the week's end: started by then, not ended by then (an end is local time, like a start).
        List<Alert> open = results.alerts().stream().filter(a -> a.place().startsWith(prefix)
                && AlertKinds.startDay(a).compareTo(end) <= 0 && (a.end().isEmpty() || a.end().substring(0, 10)
                .compareTo(end) > 0)).sorted(AlertKinds.ORDER).toList();
        List<National> national = AsOf.on(end, results.national().stream().filter(n -> n.city().startsWith(prefix)
                && n.period().equals(month)).toList(), n -> n.city() + "@" + n.n(), National::asOf).stream()
                .sorted(Comparator.comparing(National::city).thenComparingInt(National::n)).toList();
        return new WeeklyDispatch(province, week, from, to, month, ytd, monthAverage, ytdAverage, places, gaps, atRisk,
                open, national, campaigns(averages, ofProvince, ranks, from.toString(), end),
                new PlaceNames(periods.stream().map(PlacePeriod::place).toList()));
    }

    /** The named periods with an average as of a day of the week: running then, or ended in it. */
    private static List<Campaign> campaigns(List<Average> averages, List<PlacePeriod> periods, List<Rank> ranks,
            String from, String end) {
        List<Campaign> campaigns = new ArrayList<>();
        for (Average a : averages) {
            if (a.kind().equals(Period.MONTH) || a.kind().equals(Period.YEAR_TO_DATE) || a.asOf().compareTo(from) < 0
                    || a.composite() == null) {
                continue;
            }
            Map<String, Integer> rank = ranks(ranks, a.period(), end);
            List<CampaignPlace> places = AsOf.on(end, periods.stream().filter(p -> p.period().equals(a.period()))
                    .toList(), PlacePeriod::place, PlacePeriod::asOf).stream()
                    .map(p -> new CampaignPlace(p.place(), p, rank.get(p.place())))
                    .sorted(Comparator.comparing((CampaignPlace p) -> p.rank() == null ? Integer.MAX_VALUE : p.rank())
                            .thenComparing(CampaignPlace::place)).toList();
            campaigns.add(new Campaign(a, places));
        }
        campaigns.sort(Comparator.comparing(c -> c.average().period()));
        return campaigns;
    }

    /** The Monday of an ISO week {@code YYYY-Www}. */
    static LocalDate monday(String week) {
        if (!week.matches("\\d{4}-W\\d{2}")) {
            throw new ResultsException("a week is written like 2026-W33 (ISO 8601), not " + week);
        }
        int year = Integer.parseInt(week.substring(0, 4));
        int w = Integer.parseInt(week.substring(6));
        if (w < 1 || w > 53) {
            throw new ResultsException(year + " has no ISO week " + w);
        }
        LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, w).with(DayOfWeek.MONDAY);
        if (monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) != w) {
            throw new ResultsException(year + " has no ISO week " + w);
        }
        return monday;
    }

    private static Map<String, PlacePeriod> byPlace(List<PlacePeriod> periods, String period) {
        Map<String, PlacePeriod> out = new HashMap<>();
        periods.stream().filter(p -> p.period().equals(period)).forEach(p -> out.put(p.place(), p));
        return out;
    }

    /** The composite ranks of a period in its ranking as of a day. */
    private static Map<String, Integer> ranks(List<Rank> ranks, String period, String day) {
        Map<String, Integer> out = new HashMap<>();
        AsOf.on(day, ranks.stream().filter(r -> r.period().equals(period)).toList(), r -> "", Rank::asOf)
                .forEach(r -> out.put(r.place(), r.rank()));
        return out;
    }
}
