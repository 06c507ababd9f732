package org.airindex.pipeline;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.airindex.domain.Period;
import org.airindex.records.DailyValue;
import org.airindex.records.HourlyValue;
import org.airindex.records.PeriodValue;

/**
 * A station's month to date as of each of its days, for its part in its place's gap to the provincial average
 * (station contributions, {@link ProvinceComparisons}): the same statistics as a place's ({@link
 * PeriodStatistics}), without last year. A corrected day re-emits the month as of it and of every later day.
 * The state holds the days of the watermark's month, and those of the month before while a late correction to
 * its last days may still come (the allowed lateness, rounded up to whole days); older days are dropped as the
 * watermark passes, so a station keeps about a month of days at most.
 */
public class StationPeriod extends KeyedProcessFunction<Integer, DailyValue, PeriodValue> {
    private static final long serialVersionUID = 1L;

    private final RuleChoice rules;
    private final long latenessDays;
    private transient MapState<String, DailyValue> days;

    public StationPeriod(RuleChoice rules, Duration allowedLateness) {
        this.rules = rules;
        long day = Duration.ofDays(1).toMillis();
        this.latenessDays = (allowedLateness.toMillis() + day - 1) / day;
    }

    @Override
    public void open(OpenContext openContext) {
        days = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("days", Types.STRING, TypeInformation.of(DailyValue.class)));
    }

    @Override
    public void processElement(DailyValue d, Context ctx, Collector<PeriodValue> out) throws Exception {
        days.put(d.date, kept(d));
        LocalDate date = LocalDate.parse(d.date);
        // ISO dates order as strings: the days are kept, cut and picked by month without parsing each one.
        String keepFrom = YearMonth.from(rules.horizon(date, ctx.timerService().currentWatermark())
                .minusDays(latenessDays)).atDay(1).toString();
        String month = YearMonth.from(date).toString();
        List<DailyValue> current = new ArrayList<>();
        Iterator<DailyValue> it = days.values().iterator();
        while (it.hasNext()) {
            DailyValue day = it.next();
            if (day.date.compareTo(keepFrom) < 0) {
                it.remove();
            } else if (day.date.startsWith(month)) {
                current.add(day);
            }
        }
        current.sort(Comparator.comparing(day -> day.date));
        Period period = Period.month(date);
        for (DailyValue day : current) {
            if (day.date.compareTo(d.date) >= 0) {
                LocalDate asOf = LocalDate.parse(day.date);
                PeriodValue v = PeriodStatistics.compute(rules.forPeriod(period.start(), asOf), period, asOf, current);
                v.level = HourlyValue.STATION;
                v.station = d.station;
                v.province = d.province;
                v.city = d.city;
                v.county = d.county;
                v.asOfEnd = rules.dayEnd(asOf);
                out.collect(v);
            }
        }
    }

    /**
     * What the month's statistics read of a day ({@link PeriodStatistics}): its date, concentrations and AQI. The
     * rest (names, sub-indices, category) would more than double the state, which holds a month of days per station.
     */
    private static DailyValue kept(DailyValue d) {
        DailyValue k = new DailyValue();
        k.date = d.date;
        k.so2 = d.so2;
        k.no2 = d.no2;
        k.co = d.co;
        k.o3 = d.o3;
        k.pm10 = d.pm10;
        k.pm25 = d.pm25;
        k.exact = d.exact;
        k.aqi = d.aqi;
        return k;
    }
}
