package org.airindex.alerts;

import java.time.ZoneId;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.airindex.domain.HourlyValues;
import org.airindex.domain.Pollutant;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.domain.alerts.AlertRules;
import org.airindex.domain.alerts.FlatLineRule;
import org.airindex.domain.alerts.HourSeries;
import org.airindex.domain.alerts.InstrumentCapRule;
import org.airindex.domain.alerts.Pm25AbovePm10Rule;
import org.airindex.domain.alerts.Runs;
import org.airindex.domain.alerts.SilentRule;
import org.airindex.records.HourlyValue;
import org.airindex.records.Places;

/**
 * Suspicious data of one station, keyed by station, on its hourly values: silent, flat line,
 * PM2.5 above PM10, values at the instrument cap.
 *
 * <p>Event time: an hour is evaluated when the watermark passes its end; a corrected (late) hour
 * replaces its value and the latest evaluated hour is evaluated again at once (the rules read runs
 * ending there). Silence is the absence of input, so only a timer can see it: each hour with a value
 * sets an event-time timer {@code silent.hours} after it, and when the watermark reaches it with no
 * newer hour, the station is silent. The next hour with a value closes it.
 */
public class StationDataAlerts extends KeyedProcessFunction<Integer, HourlyValue, AlertEvent> {
    private static final long serialVersionUID = 1L;

    private final AlertRules rules;
    private final ZoneId zone;
    private transient HourlyHistory<HourlyValue> hours;
    private transient ValueState<Long> lastEvaluated;
    private transient ValueState<Long> lastWithValue;
    private transient ValueState<String> place;
    /** The station code, for the timers, which see only the key id. */
    private transient ValueState<String> station;
    private transient OpenAlerts open;

    public StationDataAlerts(AlertRules rules, ZoneId zone) {
        this.rules = rules;
        this.zone = zone;
    }

    @Override
    public void open(OpenContext openContext) {
        hours = new HourlyHistory<>(getRuntimeContext(), "station-hours", TypeInformation.of(HourlyValue.class));
        lastEvaluated = getRuntimeContext().getState(new ValueStateDescriptor<>("station-last-evaluated", Types.LONG));
        lastWithValue = getRuntimeContext().getState(new ValueStateDescriptor<>("station-last-with-value", Types.LONG));
        place = getRuntimeContext().getState(new ValueStateDescriptor<>("station-place", Types.STRING));
        station = getRuntimeContext().getState(new ValueStateDescriptor<>("station-code", Types.STRING));
        open = new OpenAlerts(getRuntimeContext());
    }

    @Override
    public void processElement(HourlyValue h, Context ctx, Collector<AlertEvent> out) throws Exception {
        hours.put(h.hourEnd, h);
        station.update(h.station);
        place.update(Places.keyAt(HourlyValue.COUNTY, h.province, h.city, h.county));
        if (hasValue(h)) {
            Long seen = lastWithValue.value();
            if (seen == null || h.hourEnd > seen) {
                lastWithValue.update(h.hourEnd);
                if (rules.stations.silent.enabled) {
                    ctx.timerService().registerEventTimeTimer(h.hourEnd + silentMs());
                }
            }
        }
        Long last = lastEvaluated.value();
        if (last != null && h.hourEnd <= last) {
            evaluate(last, out);
        } else if (h.hourEnd <= ctx.timerService().currentWatermark()) {
            evaluate(h.hourEnd, out);
        } else {
            ctx.timerService().registerEventTimeTimer(h.hourEnd);
        }
    }

    /** A timer is an hour to evaluate, a silence deadline, or both when they coincide. */
    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<AlertEvent> out) throws Exception {
        String station = this.station.value();
        Long last = lastEvaluated.value();
        if (hours.contains(t) && (last == null || t > last)) {
            evaluate(t, out);
        }
        Long seen = lastWithValue.value();
        // The end of a bounded input (replay) raises the watermark to the maximum and fires every timer:
        // that is the data running out, not the station falling silent.
        boolean endOfInput = ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        if (rules.stations.silent.enabled && seen != null && t >= seen + silentMs() && !endOfInput) {
            open.apply(SilentRule.evaluate(rules.stations.silent, seen, place.value(), station, t, zone), t,
                    rules.stations.silent.clearFor, out);
        }
        hours.pruneBefore(t - (long) lookbackHours() * Runs.HOUR_MS);
    }

    private void evaluate(long t, Collector<AlertEvent> out) throws Exception {
        String station = this.station.value();
        HourSeries<HourlyValues> series = hours.view(t - (long) lookbackHours() * Runs.HOUR_MS, t,
                h -> HourlyValues.of(h.so2, h.no2, h.co, h.o3, h.pm10, h.pm25));
        String county = place.value();
        AlertRules.Stations cfg = rules.stations;
        HourlyValues now = series.at(t);
        if (cfg.silent.enabled && now != null && hasValue(now)) {
            Long before = hours.latestBefore(t, StationDataAlerts::hasValue);
            if (before != null && t - before > silentMs()) {
                // The silence as the timer saw it, or would have: a batch replay fires timers only at the
                // end of the input, so the gap is judged here too; where the timer opened it this repeats nothing.
                long deadline = before + silentMs();
                open.apply(SilentRule.evaluate(cfg.silent, before, county, station, deadline, zone), deadline,
                        cfg.silent.clearFor, out);
            }
            open.apply(SilentRule.evaluate(cfg.silent, t, county, station, t, zone), t, cfg.silent.clearFor, out);
        }
        if (cfg.flatLine.enabled) {
            for (Pollutant p : cfg.flatLine.pollutants) {
                open.apply(FlatLineRule.evaluate(cfg.flatLine, p, series, county, station, t, zone), t,
                        cfg.flatLine.clearFor, out);
            }
        }
        if (cfg.pm25AbovePm10.enabled) {
            open.apply(Pm25AbovePm10Rule.evaluate(cfg.pm25AbovePm10, series, county, station, t, zone), t,
                    cfg.pm25AbovePm10.clearFor, out);
        }
        if (cfg.instrumentCap.enabled) {
            for (Pollutant p : cfg.instrumentCap.caps.keySet()) {
                open.apply(InstrumentCapRule.evaluate(cfg.instrumentCap, p, series, county, station, t, zone), t,
                        cfg.instrumentCap.clearFor, out);
            }
        }
        Long last = lastEvaluated.value();
        lastEvaluated.update(last == null ? t : Math.max(last, t));
    }

    /**
     * The longest run a rule reads, and the silence: the last hour before a silence must outlive the
     * silence timer. A flat line longer than this is still seen, its start is then the oldest kept hour.
     */
    private int lookbackHours() {
        AlertRules.Stations cfg = rules.stations;
        return Math.max(Math.max(cfg.silent.hours, cfg.flatLine.hours),
                Math.max(cfg.pm25AbovePm10.hours, cfg.instrumentCap.hours));
    }

    private long silentMs() {
        return rules.stations.silent.hours * Runs.HOUR_MS;
    }

    private static boolean hasValue(HourlyValues h) {
        for (Pollutant p : Pollutant.values()) {
            if (h.get(p) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasValue(HourlyValue h) {
        for (Pollutant p : Pollutant.values()) {
            if (h.get(p) != null) {
                return true;
            }
        }
        return false;
    }
}
