package org.airindex.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.FlinkRuntimeException;
import org.airindex.domain.alerts.HourSeries;
import org.airindex.domain.alerts.Runs;

/**
 * A key's values by hour end, read and pruned by stepping through the hours concerned rather than by
 * scanning the whole state: streaming keeps only a few days here, but a batch replay fires a key's
 * timers at the end of the input, with its whole history still in state. Steps are bounded, so an hour
 * far behind the rest costs one scan, not a step per hour since.
 */
final class HourlyHistory<V> {
    private final MapState<Long, V> hours;
    private final ValueState<Long> oldest;

    /** A year of hours: further than this, a walk would cost more than a pass over the hours held. */
    static final long MAX_STEPS = 366L * 24;

    HourlyHistory(RuntimeContext ctx, String name, TypeInformation<V> type) {
        hours = ctx.getMapState(new MapStateDescriptor<>(name, Types.LONG, type));
        oldest = ctx.getState(new ValueStateDescriptor<>(name + "-oldest", Types.LONG));
    }

    void put(long hourEnd, V value) throws Exception {
        hours.put(hourEnd, value);
        Long o = oldest.value();
        if (o == null || hourEnd < o) {
            oldest.update(hourEnd);
        }
    }

    V get(long hourEnd) throws Exception {
        return hours.get(hourEnd);
    }

    boolean contains(long hourEnd) throws Exception {
        return hours.contains(hourEnd);
    }

    void remove(long hourEnd) throws Exception {
        hours.remove(hourEnd);
    }

    /**
     * The hours ending from..to (inclusive) as a series the rules read lazily, each value converted
     * as it is read; an hour outside the range is absent, as it would be in a streaming run that has
     * pruned it (a batch replay still holds it).
     */
    <W> HourSeries<W> view(long from, long to, Function<V, W> as) {
        return hourEnd -> {
            if (hourEnd < from || hourEnd > to) {
                return null;
            }
            try {
                V v = hours.get(hourEnd);
                return v == null ? null : as.apply(v);
            } catch (Exception e) {
                throw new FlinkRuntimeException("cannot read hour " + hourEnd + " from state", e);
            }
        };
    }

    /**
     * The latest hour before t, and at most {@link #MAX_STEPS} hours before it, whose value passes the
     * test, or null. The bound keeps one hour far in the past (a device clock reset within the plausible
     * range) from costing a step per hour since then on every call.
     */
    Long latestBefore(long t, Predicate<V> test) throws Exception {
        Long o = oldest.value();
        if (o == null) {
            return null;
        }
        long floor = Math.max(o, t - MAX_STEPS * Runs.HOUR_MS);
        for (long h = t - Runs.HOUR_MS; h >= floor; h -= Runs.HOUR_MS) {
            V v = hours.get(h);
            if (v != null && test.test(v)) {
                return h;
            }
        }
        return null;
    }

    void pruneBefore(long keepFrom) throws Exception {
        Long o = oldest.value();
        if (o == null || o >= keepFrom) {
            return;
        }
        if ((keepFrom - o) / Runs.HOUR_MS > MAX_STEPS) {
            pruneByScan(keepFrom);
            return;
        }
        long h = o;
        for (; h < keepFrom; h += Runs.HOUR_MS) {
            hours.remove(h);
        }
        if (hours.isEmpty()) {
            hours.clear();
            oldest.clear();
        } else {
            oldest.update(h);
        }
    }

    /** One pass over the hours held, for an oldest hour far behind the rest. */
    private void pruneByScan(long keepFrom) throws Exception {
        List<Long> stale = new ArrayList<>();
        long next = Long.MAX_VALUE;
        for (Long h : hours.keys()) {
            if (h < keepFrom) {
                stale.add(h);
            } else {
                next = Math.min(next, h);
            }
        }
        for (Long h : stale) {
            hours.remove(h);
        }
        if (next == Long.MAX_VALUE) {
            hours.clear();
            oldest.clear();
        } else {
            oldest.update(next);
        }
    }
}
