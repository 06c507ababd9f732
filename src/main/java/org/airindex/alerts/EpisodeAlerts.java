package org.airindex.alerts;

import java.util.NavigableMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.airindex.domain.HourlyValues;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.domain.alerts.AlertRules;
import org.airindex.domain.alerts.EpisodeRule;
import org.airindex.domain.alerts.HourSeries;
import org.airindex.domain.alerts.HourlyThresholdRule;
import org.airindex.domain.alerts.RollingAqi;
import org.airindex.domain.alerts.Runs;
import org.airindex.pipeline.RuleChoice;
import org.airindex.records.HourlyValue;

/**
 * Pollution episodes of one place (county or city), keyed by place key, on the place's hourly
 * values: the §5 warning conditions on the rolling 24-hour AQI and the configured hourly AQI runs.
 *
 * <p>Event time: an hour is evaluated when the watermark passes its end, so every value of that hour
 * has arrived. The last hours are kept; a corrected (late) hour replaces its value and the latest
 * evaluated hour is evaluated again at once, because the rules read runs and 24-hour windows that
 * the corrected hour belongs to: a correction can open or escalate an alert immediately, and it
 * changes every later evaluation; it never retracts an alert already sent (see AlertLifecycle).
 *
 * <p>The rolling 24-hour AQI of each hour is kept too, so an evaluation computes one new value instead
 * of the whole longest run (72 values): a corrected hour recomputes only the rolling values whose
 * windows hold it.
 */
public class EpisodeAlerts extends KeyedProcessFunction<Integer, HourlyValue, AlertEvent> {
    private static final long serialVersionUID = 1L;

    private final AlertRules rules;
    private final RuleChoice ruleChoice;
    private final String level;
    private transient HourlyHistory<HourlyValue> hours;
    /** Rolling 24-hour AQI by hour end, for the hours that have one. */
    private transient HourlyHistory<Integer> rolling;
    /** Latest hour whose rolling AQI is in {@link #rolling} (or known to be missing). */
    private transient ValueState<Long> rollingThrough;
    private transient ValueState<Long> lastEvaluated;
    /** The place key, for the timers, which see only the key id. */
    private transient ValueState<String> place;
    private transient OpenAlerts open;

    /** @param level {@code county} or {@code city}: which configured rules apply to this operator */
    public EpisodeAlerts(AlertRules rules, RuleChoice ruleChoice, String level) {
        this.rules = rules;
        this.ruleChoice = ruleChoice;
        this.level = level;
    }

    @Override
    public void open(OpenContext openContext) {
        hours = new HourlyHistory<>(getRuntimeContext(), "episode-hours", TypeInformation.of(HourlyValue.class));
        rolling = new HourlyHistory<>(getRuntimeContext(), "episode-rolling-aqi", Types.INT);
        rollingThrough = getRuntimeContext().getState(new ValueStateDescriptor<>("episode-rolling-through",
                Types.LONG));
        lastEvaluated = getRuntimeContext().getState(new ValueStateDescriptor<>("episode-last-evaluated", Types.LONG));
        place = getRuntimeContext().getState(new ValueStateDescriptor<>("episode-place", Types.STRING));
        open = new OpenAlerts(getRuntimeContext());
    }

    @Override
    public void processElement(HourlyValue h, Context ctx, Collector<AlertEvent> out) throws Exception {
        hours.put(h.hourEnd, h);
        place.update(h.placeKey());
        Long through = rollingThrough.value();
        if (through != null && h.hourEnd <= through) {
            // Every rolling value whose window (24 hours and the O3 8-hour lead-in) holds the hour.
            long to = Math.min(through, h.hourEnd + (long) (windowHours(h.hourEnd) - 1) * Runs.HOUR_MS);
            updateRolling(h.hourEnd, to);
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

    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<AlertEvent> out) throws Exception {
        evaluate(t, out);
        hours.pruneBefore(t - (long) lookbackHours(t) * Runs.HOUR_MS);
        rolling.pruneBefore(t - (long) (rules.episodes.longestRun() - 1) * Runs.HOUR_MS);
    }

    private void evaluate(long t, Collector<AlertEvent> out) throws Exception {
        String place = this.place.value();
        if (rules.episodes.enabled && rules.episodes.places.contains(level)) {
            long first = t - (long) (rules.episodes.longestRun() - 1) * Runs.HOUR_MS;
            Long through = rollingThrough.value();
            if (through == null || through < t) {
                updateRolling(through == null ? first : Math.max(first, through + Runs.HOUR_MS), t);
                rollingThrough.update(t);
            }
            open.apply(EpisodeRule.evaluate(rules.episodes, rolling.view(first, t, a -> a), place, t,
                    ruleChoice.zone()), t, rules.episodes.clearFor, out);
        }
        HourSeries<Integer> aqi = hours.view(t - (long) lookbackHours(t) * Runs.HOUR_MS, t, h -> h.aqi);
        for (AlertRules.HourlyThreshold th : rules.hourlyThresholds) {
            if (th.enabled && th.places.contains(level)) {
                open.apply(HourlyThresholdRule.evaluate(th, aqi, place, t, ruleChoice.zone()), t, th.clearFor, out);
            }
        }
        Long last = lastEvaluated.value();
        lastEvaluated.update(last == null ? t : Math.max(last, t));
    }

    /** Recomputes the rolling AQI of the hours from..to from the kept hours. */
    private void updateRolling(long from, long to) throws Exception {
        HourSeries<HourlyValues> values = hours.view(from - (long) windowHours(from) * Runs.HOUR_MS, to,
                h -> HourlyValues.of(h.so2, h.no2, h.co, h.o3, h.pm10, h.pm25));
        NavigableMap<Long, Integer> fresh = RollingAqi.series(ruleChoice::forHour, values, from, to);
        for (long u = from; u <= to; u += Runs.HOUR_MS) {
            Integer v = fresh.get(u);
            if (v == null) {
                rolling.remove(u);
            } else {
                rolling.put(u, v);
            }
        }
    }

    private int windowHours(long t) {
        return RollingAqi.lookbackHours(ruleChoice.forHour(t).validity());
    }

    /** Hours kept before t: what the longest rule reads, which also covers any correction it could use. */
    private int lookbackHours(long t) {
        int n = EpisodeRule.lookbackHours(rules.episodes, ruleChoice.forHour(t));
        for (AlertRules.HourlyThreshold th : rules.hourlyThresholds) {
            n = Math.max(n, th.hours);
        }
        return n;
    }

    /** Whether any configured episode or hourly rule applies to places of this level. */
    public static boolean applies(AlertRules rules, String level) {
        boolean any = rules.episodes.enabled && rules.episodes.places.contains(level);
        for (AlertRules.HourlyThreshold th : rules.hourlyThresholds) {
            any |= th.enabled && th.places.contains(level);
        }
        return any;
    }
}
