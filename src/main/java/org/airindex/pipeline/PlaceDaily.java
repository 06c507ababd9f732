package org.airindex.pipeline;

import java.time.Duration;
import java.util.List;
import org.airindex.domain.Pollutant;
import org.airindex.records.DailyValue;
import org.airindex.records.Places;

/**
 * A county's (city's, province's) daily values (STANDARDS.md §3): per statistic the mean of its
 * stations' valid daily values of the same statistic — 24-hour means from station daily means,
 * O3 daily max 8-hour from the stations' daily max 8-hour — and the daily AQI from those.
 */
public class PlaceDaily extends CorrectableWindow<DailyValue, DailyValue> {
    private static final long serialVersionUID = 1L;

    private final String level;
    private final int minStations;
    private final RuleChoice rules;

    public PlaceDaily(String level, int minStations, RuleChoice rules, Duration allowedLateness) {
        super(DailyValue.class, allowedLateness.toMillis());
        this.level = Places.requirePlaceLevel(level);
        this.minStations = minStations;
        this.rules = rules;
    }

    @Override
    protected long windowEnd(DailyValue d) {
        return d.dayEnd;
    }

    /** A placeholder's id sorts before every station's, and its place fields are the place's own. */
    @Override
    protected String inputId(DailyValue d) {
        return d.placeholder ? "" : d.station;
    }

    @Override
    protected boolean isPlaceholder(DailyValue d) {
        return d.placeholder;
    }

    @Override
    protected DailyValue close(long dayEnd, List<DailyValue> stations) {
        DailyValue first = stations.get(0);
        DailyValue d = new DailyValue();
        d.level = level;
        d.province = first.province;
        d.city = Places.cityAt(level, first.city);
        d.county = Places.countyAt(level, first.county);
        d.date = first.date;
        d.dayEnd = dayEnd;
        for (Pollutant p : Pollutant.values()) {
            d.set(p, Places.meanOfStations(stations.stream().map(s -> s.value(p)).toList(), minStations));
        }
        d.o3OneHourMax(Places.meanOfStations(stations.stream().map(DailyValue::o3OneHourMaxValue).toList(), minStations));
        d.stations = stations.stream().mapToInt(s -> s.stations).sum();
        DailyAqi.compute(d, rules);
        return d;
    }
}
