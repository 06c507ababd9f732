package org.airindex.alerts;

import java.time.Duration;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.domain.alerts.AlertLifecycle;
import org.airindex.domain.alerts.AlertState;
import org.airindex.domain.alerts.Condition;

/**
 * The open alerts of the current key, in keyed state (so they survive a restart from a checkpoint),
 * one per rule type, place and station; each evaluation goes through {@link AlertLifecycle}.
 */
final class OpenAlerts {
    private final MapState<String, AlertState> open;

    OpenAlerts(RuntimeContext ctx) {
        open = ctx.getMapState(new MapStateDescriptor<>("open-alerts", Types.STRING,
                TypeInformation.of(AlertState.class)));
    }

    void apply(Condition c, long at, Duration clearFor, Collector<AlertEvent> out) throws Exception {
        // Most evaluations find nothing while nothing is open: no step to take, so no key to build or look up.
        if (!c.active() && open.isEmpty()) {
            return;
        }
        // Some operators hold several places under one key (a province's counties): the place is part of it.
        String key = c.type() + "|" + c.place() + "|" + (c.station() == null ? "" : c.station());
        AlertState current = open.get(key);
        AlertLifecycle.Step step = AlertLifecycle.step(current, c, at, clearFor);
        if (step.state() == null) {
            if (current != null) {
                open.remove(key);
            }
        } else {
            open.put(key, step.state());
        }
        if (step.event() != null) {
            out.collect(step.event());
        }
    }

    /** The open alerts of this key, for rules that must also judge places or stations absent from an input. */
    Iterable<AlertState> all() throws Exception {
        return open.values();
    }
}
