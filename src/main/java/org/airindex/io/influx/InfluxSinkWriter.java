package org.airindex.io.influx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers lines and writes them in batches of {@code batchSize}, at the latest a flush interval after the
 * first buffered line, and always before a checkpoint.
 *
 * <p>Nothing is buffered across checkpoints, so the writer has no state to snapshot: Flink calls
 * {@link #flush(boolean)} before it forwards each checkpoint barrier, and the flush writes the whole buffer
 * or throws. A throw fails the checkpoint and the task, the job restarts from the previous checkpoint and
 * the source replays what was lost; lines are never dropped silently. A line the server refuses for its
 * content would fail every retry the same way: it goes to {@link RejectedLines} (counted as
 * {@code influxRejected}), flushed there before the checkpoint completes, and the rest is written.
 * A {@link Replace} among the lines (a recomputed result) writes what is buffered, then deletes the points
 * it names (counted as {@code influxReplaced}; on a server without a delete API, such as InfluxDB 3 or
 * QuestDB, only overwritten, counted as {@code influxOverwrittenWithoutDelete}), so the lines after it stand alone. Closing does not write:
 * close also runs on cancellation and after failures, when the buffer will be replayed anyway.
 */
public final class InfluxSinkWriter implements SinkWriter<String> {
    private static final Logger LOG = LoggerFactory.getLogger(InfluxSinkWriter.class);

    private final InfluxWriter writer;
    private final int batchSize;
    private final List<String> buffer;
    private final Counter pointsWritten;
    private final Counter writeFailures;
    private final Counter sendCounter;
    private final Counter sendErrors;

    private final RejectedLines.Writer rejectedLines;
    private final Counter rejected;
    private final Counter replaced;
    /** Recomputed results the server could not delete first (no delete API): overwritten only. */
    private final Counter notReplaced;
    private final InfluxSettings settings;
    private final ProcessingTimeService timers;
    private final long flushMillis;
    /** A timer will write the buffer: set by the first line after a write, cleared when it fires. */
    private boolean flushScheduled;

    public InfluxSinkWriter(InfluxSettings settings, SinkWriterMetricGroup metrics, RejectedLines.Writer rejectedLines) {
        this(settings, metrics, rejectedLines, null);
    }

    /**
     * @param timers the task's processing-time service, or null: with it, buffered lines are written at the
     *     latest {@link InfluxSettings#flushInterval()} after the first of them came, so a result reaches
     *     InfluxDB within that time also when little arrives (at night), not only when a batch fills or a
     *     checkpoint comes
     */
    public InfluxSinkWriter(InfluxSettings settings, SinkWriterMetricGroup metrics, RejectedLines.Writer rejectedLines,
            ProcessingTimeService timers) {
        this.timers = timers;
        this.flushMillis = settings.flushInterval().toMillis();
        this.rejectedLines = rejectedLines;
        this.rejected = metrics.counter("influxRejected");
        this.replaced = metrics.counter("influxReplaced");
        this.notReplaced = metrics.counter("influxOverwrittenWithoutDelete");
        this.settings = settings;
        this.batchSize = settings.batchSize();
        this.buffer = new ArrayList<>(batchSize);
        this.pointsWritten = metrics.counter("influxPointsWritten");
        this.writeFailures = metrics.counter("influxWriteFailures");
        Counter retries = metrics.counter("influxRetries");
        this.sendCounter = metrics.getNumRecordsSendCounter();
        this.sendErrors = metrics.getNumRecordsSendErrorsCounter();
        this.writer = new InfluxWriter(settings, retries::inc);
        writer.checkAccess();
    }

    @Override
    public void write(String line, Context context) throws IOException {
        Optional<Replace> replace = Replace.parse(line);
        if (replace.isPresent()) {
            // In order: what came before may be the very points to delete.
            writeBuffer();
            if (writer.delete(replace.get())) {
                replaced.inc();
            } else {
                if (notReplaced.getCount() == 0) {
                    LOG.warn("InfluxDB at {} has no delete API: recomputed results overwrite the old points, and a"
                            + " field or place they no longer have keeps its old value", settings.url());
                }
                notReplaced.inc();
            }
            return;
        }
        buffer.add(line);
        if (buffer.size() >= batchSize) {
            writeBuffer();
        } else if (timers != null && !flushScheduled) {
            flushScheduled = true;
            timers.registerTimer(timers.getCurrentProcessingTime() + flushMillis, time -> {
                flushScheduled = false;
                writeBuffer();
            });
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        writeBuffer();
        rejectedLines.flush();
    }

    private void writeBuffer() throws IOException {
        if (buffer.isEmpty()) {
            return;
        }
        List<InfluxWriter.Rejected> refused;
        try {
            refused = writer.write(buffer);
        } catch (IOException e) {
            writeFailures.inc();
            sendErrors.inc(buffer.size());
            throw e;
        }
        for (InfluxWriter.Rejected r : refused) {
            rejected.inc();
            rejectedLines.send(r);
        }
        pointsWritten.inc(buffer.size() - refused.size());
        sendCounter.inc(buffer.size() - refused.size());
        sendErrors.inc(refused.size());
        buffer.clear();
    }

    @Override
    public void close() {
        rejectedLines.close();
        writer.close();
    }
}
