package org.airindex.alerts;

import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.airindex.domain.alerts.Runs;

/**
 * A key's values by hour end, read and pruned by stepping through the hours concerned, never by
 * scanning the whole state: streaming keeps only a few days here, but a batch replay fires a key's
 * timers at the end of the input, with its whole history still in state.
 */
final class HourlyHistory<V> {
    private final MapState<Long, V> hours;
    private final ValueState<Long> oldest;

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

    /** The values of the hours ending from..to, inclusive. */
    NavigableMap<Long, V> range(long from, long to) throws Exception {
        NavigableMap<Long, V> out = new TreeMap<>();
        Long o = oldest.value();
        for (long h = o == null ? to + 1 : Math.max(from, o); h <= to; h += Runs.HOUR_MS) {
            V v = hours.get(h);
            if (v != null) {
                out.put(h, v);
            }
        }
        return out;
    }

    /** The latest hour before t whose value passes the test, or null. */
    Long latestBefore(long t, Predicate<V> test) throws Exception {
        Long o = oldest.value();
        for (long h = t - Runs.HOUR_MS; o != null && h >= o; h -= Runs.HOUR_MS) {
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
}
