package org.airindex.pipeline;

import java.time.Duration;
import java.util.List;
import org.airindex.domain.Pollutant;
import org.airindex.records.HourlyValue;
import org.airindex.records.Places;

/**
 * A county's (or city's, or province's) hourly values (STANDARDS.md §3): per pollutant the
 * arithmetic mean of its stations' valid 1-hour values, valid with the configured minimum number
 * of stations; the AQI is computed from those means, never by averaging AQIs. Input is station
 * rows keyed by {@link Places#keyAt} this operator's level.
 */
public class PlaceHourly extends CorrectableWindow<HourlyValue, HourlyValue> {
    private static final long serialVersionUID = 1L;

    private final String level;
    private final int minStations;
    private final RuleChoice rules;

    public PlaceHourly(String level, int minStations, RuleChoice rules, Duration allowedLateness) {
        super(HourlyValue.class, allowedLateness.toMillis());
        this.level = Places.requirePlaceLevel(level);
        this.minStations = minStations;
        this.rules = rules;
    }

    @Override
    protected long windowEnd(HourlyValue row) {
        return row.hourEnd;
    }

    @Override
    protected String inputId(HourlyValue row) {
        return row.station;
    }

    @Override
    protected HourlyValue close(long hourEnd, List<HourlyValue> rows) {
        HourlyValue first = rows.get(0);
        HourlyValue v = new HourlyValue();
        v.level = level;
        v.province = first.province;
        v.city = Places.cityAt(level, first.city);
        v.county = Places.countyAt(level, first.county);
        v.hourEnd = hourEnd;
        for (Pollutant p : Pollutant.values()) {
            // Place hours are reported, never averaged again (a place's day comes from its stations' days).
            v.setReported(p, Places.meanOfStations(rows.stream().map(r -> r.value(p)).toList(), minStations));
        }
        v.stations = rows.stream().mapToInt(r -> r.stations).sum();
        HourlyAqi.compute(v, rules);
        return v;
    }
}
