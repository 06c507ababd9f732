package org.airindex.pipeline;

import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.OutputTag;
import org.airindex.records.DeadLetter;

/**
 * The dead-letter side output and its per-reason counters ({@code deadLetter.<reason>}), shared
 * by every operator that sets records aside so operations see one consistent set of metrics.
 */
public final class DeadLetters {
    public static final OutputTag<DeadLetter> TAG = new OutputTag<>("dead-letter") {};

    private final Map<DeadLetter.Reason, Counter> counters = new EnumMap<>(DeadLetter.Reason.class);

    public DeadLetters(MetricGroup metrics) {
        MetricGroup group = metrics.addGroup("deadLetter");
        for (DeadLetter.Reason r : DeadLetter.Reason.values()) {
            counters.put(r, group.counter(r.code()));
        }
    }

    /** Counts the record under its reason and returns the dead letter to emit. */
    public DeadLetter count(DeadLetter.Reason reason, String detail, String origin, String record) {
        counters.get(reason).inc();
        return new DeadLetter(reason.code(), detail, origin, record);
    }

    public DeadLetter count(String reasonCode, String detail, String origin, String record) {
        for (DeadLetter.Reason r : DeadLetter.Reason.values()) {
            if (r.code().equals(reasonCode)) {
                return count(r, detail, origin, record);
            }
        }
        throw new IllegalArgumentException("unknown dead-letter reason " + reasonCode);
    }
}
