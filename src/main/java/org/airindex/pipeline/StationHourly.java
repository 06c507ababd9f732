package org.airindex.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.airindex.config.Station;
import org.airindex.config.StationRegistry;
import org.airindex.domain.Pollutant;
import org.airindex.io.json.ReadingJson;
import org.airindex.records.DeadLetter.Reason;
import org.airindex.records.HourlyValue;
import org.airindex.records.Reading;

/**
 * A station's 1-hour values (STANDARDS.md §1): the time-weighted mean of the readings inside each
 * end-labelled hour, valid per pollutant with enough minutes of data, and the hourly AQI.
 *
 * <p>An hour is emitted when the watermark passes its end. A reading for a closed hour that is
 * still within the allowed lateness recomputes and re-emits the hour (the sink rewrites the same
 * point); a later one goes to the dead letter as {@code too_late}. State for an hour is cleared
 * when its lateness has expired. Readings are kept by timestamp, so a re-sent reading is merged
 * into the earlier copy (its non-missing values win) instead of being counted twice.
 */
public class StationHourly extends KeyedProcessFunction<String, Reading, HourlyValue> {
    private static final long serialVersionUID = 1L;
    private static final long HOUR_MS = 3_600_000L;

    private final StationRegistry registry;
    private final RuleChoice rules;
    private final long latenessMs;
    private transient MapState<Long, Reading> readings;
    private transient DeadLetters deadLetters;

    public StationHourly(StationRegistry registry, RuleChoice rules, Duration allowedLateness) {
        this.registry = registry;
        this.rules = rules;
        this.latenessMs = allowedLateness.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        readings = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("readings", Types.LONG, TypeInformation.of(Reading.class)));
        deadLetters = new DeadLetters(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(Reading r, Context ctx, Collector<HourlyValue> out) throws Exception {
        long hourEnd = RuleChoice.hourEnd(r.ts);
        long watermark = ctx.timerService().currentWatermark();
        if (hourEnd + latenessMs <= watermark) {
            ctx.output(DeadLetters.TAG, deadLetters.count(Reason.TOO_LATE,
                    "hour ending " + hourEnd + " closed more than " + latenessMs + " ms before watermark " + watermark,
                    "station " + r.station, ReadingJson.write(r)));
            return;
        }
        Reading earlier = readings.get(r.ts);
        if (earlier != null && earlier.intervalS == r.intervalS) {
            for (Pollutant p : Pollutant.values()) {
                if (r.get(p) == null) {
                    r.set(p, earlier.get(p));
                }
            }
        }
        readings.put(r.ts, r);
        ctx.timerService().registerEventTimeTimer(hourEnd + latenessMs);
        if (hourEnd <= watermark) {
            out.collect(hourOf(ctx.getCurrentKey(), hourEnd));
        } else {
            ctx.timerService().registerEventTimeTimer(hourEnd);
        }
    }

    /**
     * A timer at t may be the closing of hour t, the expiry of hour t - lateness, or both (when the
     * lateness is whole hours); doing both jobs whenever they apply makes the distinction moot.
     */
    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<HourlyValue> out) throws Exception {
        if (t % HOUR_MS == 0 && hasReadings(t)) {
            out.collect(hourOf(ctx.getCurrentKey(), t));
        }
        long expired = t - latenessMs;
        if (expired % HOUR_MS == 0) {
            removeHour(expired);
        }
    }

    private boolean hasReadings(long hourEnd) throws Exception {
        for (Long ts : readings.keys()) {
            if (RuleChoice.hourEnd(ts) == hourEnd) {
                return true;
            }
        }
        return false;
    }

    private void removeHour(long hourEnd) throws Exception {
        Iterator<Long> it = readings.keys().iterator();
        while (it.hasNext()) {
            if (RuleChoice.hourEnd(it.next()) == hourEnd) {
                it.remove();
            }
        }
        if (readings.isEmpty()) {
            readings.clear(); // drops the key's (empty) map itself
        }
    }

    private HourlyValue hourOf(String stationCode, long hourEnd) throws Exception {
        List<Reading> inHour = new ArrayList<>();
        for (Map.Entry<Long, Reading> e : readings.entries()) {
            if (RuleChoice.hourEnd(e.getKey()) == hourEnd) {
                inHour.add(e.getValue());
            }
        }
        Station s = registry.get(stationCode);
        HourlyValue v = new HourlyValue();
        v.level = HourlyValue.STATION;
        v.station = s.code();
        v.county = s.county();
        v.city = s.city();
        v.province = s.province();
        v.hourEnd = hourEnd;
        long minSeconds = rules.forHour(hourEnd).validity().minMinutesPerHour() * 60L;
        boolean anyValid = false;
        for (Pollutant p : Pollutant.values()) {
            double weighted = 0;
            long seconds = 0;
            for (Reading r : inHour) {
                Double c = r.get(p);
                if (c != null) {
                    weighted += c * r.intervalS;
                    seconds += r.intervalS;
                }
            }
            if (seconds >= minSeconds) {
                v.set(p, weighted / seconds);
                anyValid = true;
            }
        }
        v.stations = anyValid ? 1 : 0;
        HourlyAqi.compute(v, rules);
        return v;
    }
}
