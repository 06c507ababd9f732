package org.airindex.domain.province;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.airindex.domain.CompositeIndex;
import org.airindex.domain.Exact;
import org.airindex.domain.PeriodValues;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Rounding;
import org.airindex.domain.RuleSet;

/**
 * What a place's period would come to if the rest of it ran differently, other places as they are: the same
 * comparison, ranking and settlement as the job's ({@link ProvinceComparison}, {@link RewardScheme#settle}), on
 * the place's projected end-of-period values.
 *
 * <p>The projection: the period's days not yet elapsed run at the period's mean so far, except the changed
 * days, whose daily PM2.5 is lower by a given amount or at a given level; the period's PM2.5 then moves by
 * (level − mean) × changed days / days of the period. The composite index moves with it through the
 * rule-set's own index (the PM2.5 term, other pollutants held), and by a given daily amount over the changed
 * days where one is given: an approximation, as its CO and O3 percentile terms are not means of days.
 */
public final class WhatIf {
    private WhatIf() {
    }

    /**
     * A change over the last {@code days} days of the period: PM2.5 lower by {@code pm25Lower} µg/m³ per day,
     * or at {@code pm25Level} µg/m³ (one of the two, or neither), and the composite index lower by
     * {@code compositeLower} per day (or null).
     */
    public record Change(int days, Double pm25Lower, Double pm25Level, Double compositeLower) {
        public Change {
            if (days < 0) {
                throw new IllegalArgumentException("a change over " + days + " days");
            }
            if (pm25Lower != null && pm25Level != null) {
                throw new IllegalArgumentException("PM2.5 either lower by an amount or at a level, not both");
            }
            for (Double v : new Double[] {pm25Lower, pm25Level, compositeLower}) {
                if (v != null && !Double.isFinite(v)) {
                    throw new IllegalArgumentException("not a finite number: " + v);
                }
            }
            if (pm25Level != null && pm25Level < 0) {
                throw new IllegalArgumentException("a PM2.5 level below zero: " + pm25Level);
            }
        }
    }

    /** The province's comparison and settlement of a period, as the job makes them. */
    public record Outcome(ProvinceResult result, List<MoneyEntry> money) {
        /** The place's rank on a metric, or null when it is not ranked. */
        public RankingEntry rank(String place, String metric) {
            return result.rankings().stream().filter(r -> r.place().equals(place) && r.metric().equals(metric))
                    .findFirst().orElse(null);
        }

        public List<MoneyEntry> money(String place) {
            return money.stream().filter(m -> m.place().equals(place)).toList();
        }

        /** The place's settlement in whole CNY, null when the scheme settles nothing of it. */
        public Long total(String place) {
            List<MoneyEntry> own = money(place);
            return own.isEmpty() ? null : own.stream().mapToLong(m -> Math.round(m.amountCny())).sum();
        }
    }

    /** @param settle whether the period is settled in money (months) */
    public static Outcome outcome(String province, String period, List<PlaceStanding> places, RewardScheme scheme,
            Map<String, LastYearStanding> lastYear, boolean settle) {
        ProvinceResult result = ProvinceComparison.ranked(province, period, places, scheme.comparison());
        return new Outcome(result, settle ? scheme.settle(period, result.averages(), places, lastYear) : List.of());
    }

    /**
     * Every place's month if its remaining days ran lower by each cut (µg/m³ of PM2.5 a day), the others as
     * they are; a place without the statistics to project (or a month with no day left) gives none.
     *
     * @param values each place's period statistics so far, by place
     * @param now    the comparison and settlement as they stand
     */
    public static List<WhatIfEntry> entries(String province, String period, List<PlaceStanding> places,
            Map<String, PeriodValues> values, RuleSet rs, RewardScheme scheme, Map<String, LastYearStanding> lastYear,
            Outcome now, List<Double> cuts) {
        List<WhatIfEntry> out = new ArrayList<>();
        for (PlaceStanding p : places) {
            int days = p.daysInPeriod() - p.daysSoFar();
            PeriodValues v = values.get(p.place());
            if (days <= 0 || v == null || !v.missing().isEmpty() || p.pm25() == null || p.composite() == null) {
                continue;
            }
            for (double cut : cuts) {
                List<PlaceStanding> changed = changed(places, p.place(), v, rs, new Change(days, cut, null, null));
                Outcome then = outcome(province, period, changed, scheme, lastYear, true);
                PlaceStanding own = changed.stream().filter(c -> c.place().equals(p.place())).findFirst().orElseThrow();
                RankingEntry composite = then.rank(p.place(), Metric.COMPOSITE.code());
                RankingEntry pm25 = then.rank(p.place(), Metric.PM25.code());
                out.add(new WhatIfEntry(p.place(), period, cut, days, own.pm25(), own.composite(),
                        composite == null ? null : composite.rank(), pm25 == null ? null : pm25.rank(),
                        composite == null ? 0 : composite.of(), composite == null ? null : composite.bottomOf(),
                        now.total(p.place()), then.total(p.place())));
            }
        }
        return out;
    }

    /**
     * The standings with one place's projected: its PM2.5 as reported (whole µg/m³, GB/T 8170) and its
     * composite index to the rule-set's decimals.
     *
     * @param values the place's period statistics so far (the composite index's inputs)
     */
    public static List<PlaceStanding> changed(List<PlaceStanding> places, String place, PeriodValues values,
            RuleSet rs, Change change) {
        if (places.stream().noneMatch(p -> p.place().equals(place))) {
            throw new IllegalArgumentException(place + " is not among the places compared");
        }
        List<PlaceStanding> out = new ArrayList<>();
        for (PlaceStanding p : places) {
            out.add(p.place().equals(place) ? changed(p, values, rs, change) : p);
        }
        return out;
    }

    private static PlaceStanding changed(PlaceStanding p, PeriodValues values, RuleSet rs, Change c) {
        if (p.pm25() == null || p.composite() == null || !values.missing().isEmpty()) {
            throw new IllegalArgumentException(p.place() + " has no PM2.5 or composite index this period so far");
        }
        int days = Math.min(c.days(), p.daysInPeriod());
        Exact pm25 = Exact.of(p.pm25());
        Exact shift = c.pm25Lower() != null ? Exact.of(c.pm25Lower()).negate()
                : c.pm25Level() != null ? Exact.of(c.pm25Level()).minus(pm25) : Exact.ZERO;
        Exact projected = pm25.plus(shift.times(days).dividedBy(p.daysInPeriod()));
        if (projected.signum() < 0) {
            projected = Exact.ZERO;
        }
        CompositeIndex before = rs.compositeIndex(values);
        CompositeIndex after = rs.compositeIndex(withPm25(values, projected));
        int decimals = before.compositeDecimal().scale();
        Exact composite = Exact.of(p.composite()).plus(Exact.of(after.unroundedComposite()))
                .minus(Exact.of(before.unroundedComposite()));
        if (c.compositeLower() != null) {
            composite = composite.minus(Exact.of(c.compositeLower()).times(days).dividedBy(p.daysInPeriod()));
        }
        if (composite.signum() < 0) {
            composite = Exact.ZERO;
        }
        BigDecimal reported = Rounding.report(Pollutant.PM25, projected);
        return new PlaceStanding(p.place(), composite.round(decimals).doubleValue(), reported.doubleValue(),
                p.compositeLastYear(), p.pm25LastYear(), p.daysSoFar(), p.daysInPeriod());
    }

    private static PeriodValues withPm25(PeriodValues v, Exact pm25) {
        return PeriodValues.of(v.so2(), v.no2(), v.pm10(), pm25.toDouble(), v.co_p95(), v.o3_8h_p90());
    }
}
