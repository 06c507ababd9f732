package org.airindex.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.airindex.config.Station;
import org.airindex.config.StationRegistry;
import org.airindex.records.DailyValue;
import org.airindex.records.HourlyValue;
import org.airindex.records.Places;

/**
 * For each day a province has, a placeholder day ({@link DailyValue#placeholder}) for every assessed place
 * of the province in the registry. A county whose stations all sent nothing that day would otherwise have
 * no day at all and silently leave the day's ranking and settlement; with it, the county's day closes as
 * missing and its period so far is compared as usual.
 */
public final class ExpectedPlaces implements FlatMapFunction<DailyValue, DailyValue> {
    private static final long serialVersionUID = 1L;

    private final String level;
    /** Province → its assessed places as {city, county} (county null when cities are assessed). */
    private final Map<String, List<String[]>> places = new TreeMap<>();

    public ExpectedPlaces(StationRegistry registry, String level) {
        this.level = Places.requirePlaceLevel(level);
        Map<String, String[]> byKey = new TreeMap<>();
        for (Station s : registry.stations()) {
            String city = Places.cityAt(level, s.city());
            String county = Places.countyAt(level, s.county());
            byKey.putIfAbsent(Places.keyAt(level, s.province(), s.city(), s.county()), new String[] {s.province(), city, county});
        }
        for (String[] p : byKey.values()) {
            places.computeIfAbsent(p[0], k -> new ArrayList<>()).add(new String[] {p[1], p[2]});
        }
    }

    @Override
    public void flatMap(DailyValue provinceDay, Collector<DailyValue> out) {
        if (!provinceDay.level.equals(HourlyValue.PROVINCE)) {
            throw new IllegalArgumentException("expected places follow the province's days, not " + provinceDay.level);
        }
        for (String[] p : places.getOrDefault(provinceDay.province, List.of())) {
            out.collect(DailyValue.placeholder(level, provinceDay.province, p[0], p[1], provinceDay.date, provinceDay.dayEnd));
        }
    }
}
