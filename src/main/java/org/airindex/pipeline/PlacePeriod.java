package org.airindex.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.airindex.domain.ChangeRate;
import org.airindex.domain.PeriodValues;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Rounding;
import org.airindex.domain.RuleSet;
import org.airindex.domain.province.Baselines;
import org.airindex.records.DailyValue;
import org.airindex.records.PeriodValue;

/**
 * Month-to-date and year-to-date statistics of one place, updated as each of its days closes
 * (and again when a closed day is corrected), with the change rate (同比) against the same days
 * of last year. Last year comes from the place's own daily history when the job has processed it
 * and it is valid; otherwise, for months, from the baseline files ({@code conf/baselines}).
 * Both years are computed under the current rule-set (STANDARDS.md §0), so the rate is like for
 * like. The state holds the days of the watermark's year and the year before; older days are dropped.
 */
public class PlacePeriod extends KeyedProcessFunction<Integer, DailyValue, PeriodValue> {
    private static final long serialVersionUID = 1L;

    private final RuleChoice rules;
    private final String baselinesPath;
    private transient MapState<String, DailyValue> days;
    private transient Baselines baselines;

    /** @param baselinesPath baseline CSV file or folder, or null for none */
    public PlacePeriod(RuleChoice rules, String baselinesPath) {
        this.rules = rules;
        this.baselinesPath = baselinesPath;
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
        // ISO dates order as strings, so days are kept, cut and split by year without parsing each one.
        String keepFrom = LocalDate.of(rules.horizon(date, ctx.timerService().currentWatermark()).getYear() - 1, 1, 1)
                .toString();
        String lastYear = LocalDate.of(date.getYear() - 1, 1, 1).toString();
        String thisYear = LocalDate.of(date.getYear(), 1, 1).toString();
        String nextYear = LocalDate.of(date.getYear() + 1, 1, 1).toString();
        List<DailyValue> current = new ArrayList<>();
        List<DailyValue> previous = new ArrayList<>();
        // A corrected day changes every later period-to-date value of its year.
        TreeSet<String> later = new TreeSet<>();
        Iterator<DailyValue> it = days.values().iterator();
        while (it.hasNext()) {
            DailyValue day = it.next();
            if (day.date.compareTo(keepFrom) < 0) {
                it.remove();
            } else if (day.date.compareTo(lastYear) < 0) {
                continue;
            } else if (day.date.compareTo(thisYear) < 0) {
                previous.add(day);
            } else {
                current.add(day);
                if (day.date.compareTo(d.date) >= 0 && day.date.compareTo(nextYear) < 0) {
                    later.add(day.date);
                }
            }
        }
        for (String day : later) {
            LocalDate asOf = LocalDate.parse(day);
            if (YearMonth.from(asOf).equals(YearMonth.from(date))) {
                out.collect(period(d, PeriodValue.MONTH, asOf.withDayOfMonth(1), asOf, current, previous));
            }
            out.collect(period(d, PeriodValue.YEAR_TO_DATE, asOf.withDayOfYear(1), asOf, current, previous));
        }
    }

    private static boolean hasNoValue(DailyValue day) {
        for (Pollutant p : Pollutant.values()) {
            if (day != null && day.get(p) != null) {
                return false;
            }
        }
        return true;
    }

    /** @param current the place's days of asOf's year, {@code previous} those of the year before */
    private PeriodValue period(DailyValue place, String kind, LocalDate start, LocalDate asOf,
            List<DailyValue> current, List<DailyValue> previous) throws Exception {
        RuleSet rs = rules.forPeriod(start, asOf);
        PeriodValue v = PeriodStatistics.compute(rs, kind, start, asOf, current);
        v.level = place.level;
        v.province = place.province;
        v.city = place.city;
        v.county = place.county;
        v.asOfEnd = rules.dayEnd(asOf);
        v.noData = hasNoValue(days.get(asOf.toString()));

        RuleSet lastYearRules = rules.forLastYear(rs, start.minusYears(1), asOf.minusYears(1));
        PeriodValue last = PeriodStatistics.compute(lastYearRules, kind, start.minusYears(1), asOf.minusYears(1),
                previous);
        if (last.valid && last.composite != null) {
            v.compositeLastYear = last.composite;
            v.pm25LastYear(last.value(Pollutant.PM25));
            v.baseline = "history";
        } else if (kind.equals(PeriodValue.MONTH) && baselines != null) {
            Optional<PeriodValues> file = baselines.get(v.placeKey(), YearMonth.from(start.minusYears(1)).toString());
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
