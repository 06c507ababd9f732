package org.airindex.reports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.airindex.config.AirIndexConfig;
import org.airindex.domain.RuleSet;
import org.airindex.domain.province.Baselines;
import org.airindex.domain.province.LastYearStanding;
import org.airindex.domain.province.PlaceStanding;
import org.airindex.domain.province.RewardScheme;
import org.airindex.domain.province.WhatIf;
import org.airindex.pipeline.RuleChoice;
import org.airindex.reports.Results.Average;
import org.airindex.reports.Results.PlacePeriod;
import org.airindex.reports.Results.Rank;

/**
 * A what-if on a month as the job last settled it (or as of a given day): the place's standing, ranks and
 * money now, and if the month's remaining days (or those from a given day) ran as the change says, the other
 * places as they are. Both outcomes come from the same comparison and settlement code as the job's, so the
 * outcome "now" is the job's own.
 *
 * @param from      the first changed day
 * @param now       the month's comparison and settlement on the places' values so far
 * @param then      the same with the place's values projected
 */
public record WhatIfQuestion(String province, String place, YearMonth month, String asOf, LocalDate from,
        WhatIf.Change change, PlaceStanding before, PlaceStanding after, WhatIf.Outcome now, WhatIf.Outcome then) {

    /**
     * @param asOfDay the version to start from, null for the latest in the results
     * @param from    the first changed day, null for the day after the version's
     */
    public static WhatIfQuestion of(Results results, AirIndexConfig config, String province, String place,
            YearMonth month, String asOfDay, LocalDate from, Double pm25Lower, Double pm25Level, Double compositeLower) {
        String period = month.toString();
        List<Average> versions = results.averages().stream().filter(a -> a.province().equals(province)
                && a.period().equals(period) && (asOfDay == null || a.asOf().compareTo(asOfDay) <= 0)).toList();
        String asOf = versions.stream().map(Average::asOf).max(String::compareTo).orElseThrow(() -> new ResultsException(
                "no comparison of " + province + " for " + period + (asOfDay == null ? "" : " by " + asOfDay)
                        + " in the results"));
        LocalDate asOfDate = LocalDate.parse(asOf);
        LocalDate first = from == null ? asOfDate.plusDays(1) : from;
        if (!first.isAfter(asOfDate) || first.isAfter(month.atEndOfMonth())) {
            throw new ResultsException("the changed days start on " + first + ": a day of " + period + " after "
                    + asOf + ", the last day the results hold");
        }
        int days = (int) ChronoUnit.DAYS.between(first, month.atEndOfMonth()) + 1;
        WhatIf.Change change = new WhatIf.Change(days, pm25Lower, pm25Level, compositeLower);

        // The places the province compared that day are those it ranked.
        Set<String> compared = new TreeSet<>();
        results.rankings().stream().filter(r -> r.province().equals(province) && r.period().equals(period)
                && r.asOf().equals(asOf)).map(Rank::place).forEach(compared::add);
        if (!compared.contains(place)) {
            throw new ResultsException(place + " is not among the places " + province + " compared on " + asOf
                    + " for " + period + ": " + compared);
        }
        List<PlacePeriod> periods = results.periods(config.province.assessed).stream()
                .filter(p -> p.period().equals(period) && p.asOf().equals(asOf) && compared.contains(p.place())).toList();
        int daysSoFar = asOfDate.getDayOfMonth();
        int daysInPeriod = month.lengthOfMonth();
        List<PlaceStanding> standings = periods.stream().map(p -> new PlaceStanding(p.place(), p.composite(), p.pm25(),
                p.compositeLastYear(), p.pm25LastYear(), daysSoFar, daysInPeriod)).toList();
        PlacePeriod own = periods.stream().filter(p -> p.place().equals(place)).findFirst().orElseThrow(() ->
                new ResultsException("no period values of " + place + " as of " + asOf));

        RuleChoice rules = new RuleChoice(config.standards, config.rules, config.zone());
        RuleSet rs = rules.forPeriod(month.atDay(1), asOfDate);
        RewardScheme scheme = RewardScheme.fileOrDefault(config.province.scheme,
                AirIndexConfig.names(config.province.scheme));
        Map<String, LastYearStanding> lastYear = AirIndexConfig.names(config.province.baselines)
                ? LastYearStanding.of(Baselines.load(Path.of(config.province.baselines)), rules.forDate(asOfDate),
                        asOfDate.getYear() - 1, compared)
                : Map.of();
        List<PlaceStanding> changed;
        try {
            changed = WhatIf.changed(standings, place, own.values(), rs, change);
        } catch (IllegalArgumentException e) {
            throw new ResultsException(e.getMessage());
        }
        return new WhatIfQuestion(province, place, month, asOf, first, change,
                standing(standings, place), standing(changed, place),
                WhatIf.outcome(province, period, standings, scheme, lastYear, true),
                WhatIf.outcome(province, period, changed, scheme, lastYear, true));
    }

    private static PlaceStanding standing(List<PlaceStanding> standings, String place) {
        return standings.stream().filter(s -> s.place().equals(place)).findFirst().orElseThrow();
    }
}
