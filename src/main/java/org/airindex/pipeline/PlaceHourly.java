package org.airindex.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.airindex.domain.Pollutant;
import org.airindex.records.HourlyValue;

/**
 * A county's (or city's, or province's) hourly values (STANDARDS.md §3): per pollutant the
 * arithmetic mean of its stations' valid 1-hour values, valid with the configured minimum number
 * of stations; the AQI is computed from those means, never by averaging AQIs.
 *
 * <p>Input is station rows keyed by the place at this operator's level. The place's hour closes
 * when the watermark passes its end; a station row corrected later (within the allowed lateness)
 * recomputes and re-emits the place's hour. State for an hour is cleared when lateness expires.
 */
public class PlaceHourly extends KeyedProcessFunction<String, HourlyValue, HourlyValue> {
    private static final long serialVersionUID = 1L;
    private static final long HOUR_MS = 3_600_000L;

    private final String level;
    private final int minStations;
    private final RuleChoice rules;
    private final long latenessMs;
    /** Key: hour end and station code, so a corrected station row replaces its earlier version. */
    private transient MapState<String, HourlyValue> stationRows;

    public PlaceHourly(String level, int minStations, RuleChoice rules, Duration allowedLateness) {
        if (!List.of(HourlyValue.COUNTY, HourlyValue.CITY, HourlyValue.PROVINCE).contains(level)) {
            throw new IllegalArgumentException("not a place level: " + level);
        }
        this.level = level;
        this.minStations = minStations;
        this.rules = rules;
        this.latenessMs = allowedLateness.toMillis();
    }

    /** Keys station rows by the place this operator aggregates them into. */
    public KeySelector<HourlyValue, String> placeOfStation() {
        String lvl = level;
        return v -> switch (lvl) {
            case HourlyValue.COUNTY -> v.province + "/" + v.city + "/" + v.county;
            case HourlyValue.CITY -> v.province + "/" + v.city;
            default -> v.province;
        };
    }

    @Override
    public void open(OpenContext openContext) {
        stationRows = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("station-rows", Types.STRING, TypeInformation.of(HourlyValue.class)));
    }

    @Override
    public void processElement(HourlyValue row, Context ctx, Collector<HourlyValue> out) throws Exception {
        stationRows.put(row.hourEnd + "/" + row.station, row);
        ctx.timerService().registerEventTimeTimer(row.hourEnd + latenessMs);
        if (row.hourEnd <= ctx.timerService().currentWatermark()) {
            out.collect(placeHour(row.hourEnd));
        } else {
            ctx.timerService().registerEventTimeTimer(row.hourEnd);
        }
    }

    /** See {@link StationHourly#onTimer}: closing and expiry may share a timer. */
    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<HourlyValue> out) throws Exception {
        if (t % HOUR_MS == 0 && !rowsOf(t).isEmpty()) {
            out.collect(placeHour(t));
        }
        long expired = t - latenessMs;
        if (expired % HOUR_MS == 0) {
            Iterator<HourlyValue> it = stationRows.values().iterator();
            while (it.hasNext()) {
                if (it.next().hourEnd == expired) {
                    it.remove();
                }
            }
            if (stationRows.isEmpty()) {
                stationRows.clear(); // drops the key's (empty) map itself
            }
        }
    }

    private List<HourlyValue> rowsOf(long hourEnd) throws Exception {
        List<HourlyValue> rows = new ArrayList<>();
        for (HourlyValue v : stationRows.values()) {
            if (v.hourEnd == hourEnd) {
                rows.add(v);
            }
        }
        return rows;
    }

    private HourlyValue placeHour(long hourEnd) throws Exception {
        List<HourlyValue> rows = rowsOf(hourEnd);
        HourlyValue first = rows.get(0);
        HourlyValue v = new HourlyValue();
        v.level = level;
        v.province = first.province;
        v.city = level.equals(HourlyValue.PROVINCE) ? null : first.city;
        v.county = level.equals(HourlyValue.COUNTY) ? first.county : null;
        v.hourEnd = hourEnd;
        for (Pollutant p : Pollutant.values()) {
            double sum = 0;
            int n = 0;
            for (HourlyValue row : rows) {
                if (row.get(p) != null) {
                    sum += row.get(p);
                    n++;
                }
            }
            v.set(p, n >= minStations ? sum / n : null);
        }
        int valid = 0;
        for (HourlyValue row : rows) {
            valid += row.stations;
        }
        v.stations = valid;
        HourlyAqi.compute(v, rules);
        return v;
    }
}
