package org.airindex.alerts;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.MapTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.airindex.domain.HourlyValues;
import org.airindex.domain.Pollutant;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.domain.alerts.AlertRules;
import org.airindex.domain.alerts.AlertState;
import org.airindex.domain.alerts.JumpRule;
import org.airindex.domain.alerts.Runs;
import org.airindex.records.HourlyValue;
import org.airindex.records.Places;

/**
 * Stations inconsistent with their county, keyed by county key, on station hourly values: each hour
 * compares every station with the median of the county's other stations (see {@link JumpRule}).
 *
 * <p>Event time: an hour is evaluated when the watermark passes its end, with all its stations. Its
 * values are kept for the allowed lateness; a corrected (late) station hour evaluates that hour
 * again at once with the corrected values, which may open or escalate an alert for any station of
 * the county (the lifecycle never lets an older evaluation clear one). A station with an open alert
 * and no value in an hour counts as clear in that hour.
 */
public class CountyJumpAlerts extends KeyedProcessFunction<Integer, HourlyValue, AlertEvent> {
    private static final long serialVersionUID = 1L;

    private final AlertRules rules;
    private final ZoneId zone;
    private final long latenessMs;
    /** Hour end → the county's station rows of that hour by station (a lookup per hour, never a scan). */
    private transient MapState<Long, Map<String, HourlyValue>> hours;
    private transient OpenAlerts open;

    public CountyJumpAlerts(AlertRules rules, ZoneId zone, Duration allowedLateness) {
        this.rules = rules;
        this.zone = zone;
        this.latenessMs = allowedLateness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        hours = getRuntimeContext().getMapState(new MapStateDescriptor<>("county-station-hours", Types.LONG,
                new MapTypeInfo<>(Types.STRING, TypeInformation.of(HourlyValue.class))));
        open = new OpenAlerts(getRuntimeContext());
    }

    @Override
    public void processElement(HourlyValue h, Context ctx, Collector<AlertEvent> out) throws Exception {
        Map<String, HourlyValue> hour = hours.get(h.hourEnd);
        hour = hour == null ? new HashMap<>() : hour;
        hour.put(h.station, h);
        hours.put(h.hourEnd, hour);
        if (h.hourEnd <= ctx.timerService().currentWatermark()) {
            evaluate(h.hourEnd, out);
        } else {
            ctx.timerService().registerEventTimeTimer(h.hourEnd);
        }
        ctx.timerService().registerEventTimeTimer(h.hourEnd + latenessMs + Runs.HOUR_MS);
    }

    /** Evaluates the hour ending at t if there is one, and drops hours whose lateness has expired. */
    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<AlertEvent> out) throws Exception {
        evaluate(t, out);
        hours.remove(t - latenessMs - Runs.HOUR_MS);
    }

    private void evaluate(long t, Collector<AlertEvent> out) throws Exception {
        AlertRules.Jump cfg = rules.stations.jump;
        Map<String, HourlyValue> rows = hours.get(t);
        if (!cfg.enabled || rows == null || rows.isEmpty()) {
            return;
        }
        Map<String, HourlyValues> hour = new TreeMap<>();
        rows.values().forEach(h -> hour.put(h.station, HourlyValues.of(h.so2, h.no2, h.co, h.o3, h.pm10, h.pm25)));
        HourlyValue any = rows.values().iterator().next();
        String county = Places.keyAt(HourlyValue.COUNTY, any.province, any.city, any.county);
        Set<String> stations = new HashSet<>(hour.keySet());
        for (AlertState s : open.all()) {
            stations.add(s.station());
        }
        for (String station : new TreeSet<>(stations)) {
            for (Pollutant p : cfg.minDifference.keySet()) {
                open.apply(JumpRule.evaluate(cfg, p, hour, county, station, t, zone), t, cfg.clearFor, out);
            }
        }
    }
}
