package org.airindex.io.influx;

import java.io.IOException;
import java.util.Objects;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes line-protocol lines (one per element, timestamps in epoch seconds) to InfluxDB with at-least-once
 * delivery: everything received before a checkpoint barrier is written before the checkpoint completes.
 *
 * <p>Replays after a failure are harmless as long as each point is idempotent: the caller gives a point
 * the same measurement, tags and timestamp each time it is computed (e.g. window end and place), so the
 * rewrite replaces it instead of adding a new one.
 */
public final class InfluxSink implements Sink<String> {

    private static final long serialVersionUID = 1L;

    private final InfluxSettings settings;
    private final RejectedLines rejected;

    /** @param rejected where lines the server refuses for their content go */
    public InfluxSink(InfluxSettings settings, RejectedLines rejected) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rejected = Objects.requireNonNull(rejected, "rejected");
    }

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) throws IOException {
        return new InfluxSinkWriter(settings, context.metricGroup(), rejected.open(), context.getProcessingTimeService());
    }

    @Override
    public String toString() {
        return "InfluxSink[" + settings + "]";
    }
}
