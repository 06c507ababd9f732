package org.airindex.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.airindex.domain.ChangeRate;
import org.airindex.domain.NamedPeriod;
import org.airindex.domain.Period;
import org.airindex.domain.PeriodValues;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Rounding;
import org.airindex.domain.RuleSet;
import org.airindex.domain.province.Baselines;
import org.airindex.records.DailyValue;
import org.airindex.records.PeriodValue;

/**
 * Month-to-date, year-to-date and named-period-to-date (the autumn-winter campaign, ...) statistics
 * of one place, updated as each of its days closes (and again when a closed day is corrected), with
 * the change rate (同比) against the same days of last year. Last year comes from the place's own
 * daily history when the job has processed it and it is valid; otherwise, for months and named
 * periods, from the whole period's row in the baseline files ({@code conf/baselines}). Both years are computed under the current rule-set
 * (STANDARDS.md §0), so the rate is like for like. The state holds the days back to a year before the
 * earliest period that the watermark's day is in (a campaign crossing the new year reaches back to
 * October two years before the watermark's year); older days are dropped.
 */
public class PlacePeriod extends KeyedProcessFunction<Integer, DailyValue, PeriodValue> {
    private static final long serialVersionUID = 1L;

    private final RuleChoice rules;
    private final String baselinesPath;
    private final List<NamedPeriod> named;
    private transient MapState<String, DailyValue> days;
    private transient Baselines baselines;

    /**
     * @param baselinesPath baseline CSV file or folder, or null for none
     * @param named the named periods computed besides months and the year to date
     */
    public PlacePeriod(RuleChoice rules, String baselinesPath, List<NamedPeriod> named) {
        this.rules = rules;
        this.baselinesPath = baselinesPath;
        this.named = List.copyOf(named);
    }

    @Override
    public void open(OpenContext openContext) {
        days = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("days", Types.STRING, TypeInformation.of(DailyValue.class)));
        baselines = baselinesPath == null ? null : Baselines.load(Path.of(baselinesPath));
    }

    @Override
    public void processElement(DailyValue d, Context ctx, Collector<PeriodValue> out) throws Exception {
        days.put(d.date, d);
        LocalDate date = LocalDate.parse(d.date);
        // ISO dates order as strings, so days are kept, cut and sliced by period without parsing each one.
        String keepFrom = keepFrom(rules.horizon(date, ctx.timerService().currentWatermark())).toString();
        List<DailyValue> kept = new ArrayList<>();
        Iterator<DailyValue> it = days.values().iterator();
        while (it.hasNext()) {
            DailyValue day = it.next();
            if (day.date.compareTo(keepFrom) < 0) {
                it.remove();
            } else {
                kept.add(day);
            }
        }
        kept.sort(Comparator.comparing((DailyValue day) -> day.date));
        // A corrected day changes every later to-date value of each period it is in.
        List<Period> periods = periodsOf(date);
        for (DailyValue day : kept.subList(indexOf(kept, date), kept.size())) {
            LocalDate asOf = LocalDate.parse(day.date);
            for (Period p : periods) {
                if (p.contains(asOf)) {
                    out.collect(period(d, p.at(asOf), asOf, kept));
                }
            }
        }
    }

    /** The periods a day is in: its month, its year to date, and the runs of the named periods that hold it. */
    private List<Period> periodsOf(LocalDate day) {
        List<Period> periods = new ArrayList<>(List.of(Period.month(day), Period.yearToDate(day)));
        for (NamedPeriod n : named) {
            n.containing(day).ifPresent(periods::add);
        }
        return periods;
    }

    /** Last year's days of the year to date and of each named period's latest run, so a late day still has its base. */
    private LocalDate keepFrom(LocalDate horizon) {
        LocalDate from = horizon.withDayOfYear(1);
        for (NamedPeriod n : named) {
            LocalDate start = n.latestStartedBy(horizon).start();
            from = start.isBefore(from) ? start : from;
        }
        return from.minusYears(1);
    }

    /** The index of the first of the days sorted by date that is on or after {@code day}. */
    private static int indexOf(List<DailyValue> sorted, LocalDate day) {
        String date = day.toString();
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted.get(mid).date.compareTo(date) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static List<DailyValue> slice(List<DailyValue> sorted, LocalDate from, LocalDate to) {
        return sorted.subList(indexOf(sorted, from), indexOf(sorted, to.plusDays(1)));
    }

    private static boolean hasNoValue(DailyValue day) {
        for (Pollutant p : Pollutant.values()) {
            if (day.get(p) != null) {
                return false;
            }
        }
        return true;
    }

    /** @param kept the place's days sorted by date, this period's and last year's among them */
    private PeriodValue period(DailyValue place, Period period, LocalDate asOf, List<DailyValue> kept) throws Exception {
        RuleSet rs = rules.forPeriod(period.start(), asOf);
        List<DailyValue> soFar = slice(kept, period.start(), asOf);
        PeriodValue v = PeriodStatistics.compute(rs, period, asOf, soFar);
        v.level = place.level;
        v.province = place.province;
        v.city = place.city;
        v.county = place.county;
        v.asOfEnd = rules.dayEnd(asOf);
        // The as-of day is one of the kept days, so the period's slice ends on it: no second read of the state.
        v.noData = hasNoValue(soFar.get(soFar.size() - 1));

        Period lastYear = period.lastYear();
        LocalDate lastYearAsOf = asOf.minusYears(1);
        RuleSet lastYearRules = rules.forLastYear(rs, lastYear.start(), lastYearAsOf);
        PeriodValue last = PeriodStatistics.compute(lastYearRules, lastYear, lastYearAsOf, slice(kept, lastYear.start(),
                lastYearAsOf));
        if (last.valid && last.composite != null) {
            v.compositeLastYear = last.composite;
            v.pm25LastYear(last.value(Pollutant.PM25));
            v.baseline = "history";
        } else if (!period.kind().equals(Period.YEAR_TO_DATE) && baselines != null) {
            Optional<PeriodValues> file = baselines.get(v.placeKey(), lastYear.id());
            if (file.isPresent() && file.get().missing().isEmpty()) {
                v.compositeLastYear = lastYearRules.compositeIndex(file.get()).composite();
                v.pm25LastYear(file.get().pm25());
                v.baseline = "file";
            }
        }
        if (v.composite != null && v.compositeLastYear != null) {
            v.compositeChange = ChangeRate.percent(v.composite, v.compositeLastYear);
        }
        // On the reported (whole µg/m³) values, as bulletins do and as the province compares them.
        if (v.pm25 != null && v.pm25LastYear != null) {
            v.pm25Change = ChangeRate.percent(Rounding.reported(Pollutant.PM25, v.value(Pollutant.PM25)),
                    Rounding.reported(Pollutant.PM25, v.pm25LastYearValue()));
        }
        return v;
    }
}
