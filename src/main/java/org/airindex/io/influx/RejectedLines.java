package org.airindex.io.influx;

import java.io.IOException;
import java.io.Serializable;
import org.slf4j.LoggerFactory;

/**
 * Where the lines InfluxDB refuses for their content go (the dead-letter topic in production), opened once
 * per sink writer. A line handed over is durable once {@link Writer#flush} returns, which the sink writer
 * calls before each checkpoint completes, so a refused line is never dropped silently.
 */
@FunctionalInterface
public interface RejectedLines extends Serializable {
    Writer open();

    /** Logged as warnings: for a replay, whose dead letters are printed, not sent. */
    static RejectedLines logged() {
        return () -> new Writer() {
            @Override
            public void send(InfluxWriter.Rejected rejected) {
                LoggerFactory.getLogger(RejectedLines.class).warn("InfluxDB refused a line ({}): {}",
                        rejected.message(), rejected.line());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    /** One sink writer's channel. */
    interface Writer extends AutoCloseable {
        void send(InfluxWriter.Rejected rejected);

        void flush() throws IOException;

        @Override
        void close();
    }
}
