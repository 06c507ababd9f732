package org.airindex.alerts;

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
