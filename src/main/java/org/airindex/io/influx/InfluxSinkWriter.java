package org.airindex.io.influx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/**
 * Buffers lines and writes them in batches of {@code batchSize}, and always before a checkpoint.
 *
 * <p>Nothing is buffered across checkpoints, so the writer has no state to snapshot: Flink calls
 * {@link #flush(boolean)} before it forwards each checkpoint barrier, and the flush writes the whole buffer
 * or throws. A throw fails the checkpoint and the task, the job restarts from the previous checkpoint and
 * the source replays what was lost; lines are never dropped silently. A line the server refuses for its
 * content would fail every retry the same way: it goes to {@link RejectedLines} (counted as
 * {@code influxRejected}), flushed there before the checkpoint completes, and the rest is written.
 * A {@link Replace} among the lines (a recomputed result) writes what is buffered, then deletes the points
 * it names (counted as {@code influxReplaced}), so the lines after it stand alone. Closing does not write:
 * close also runs on cancellation and after failures, when the buffer will be replayed anyway.
 */
public final class InfluxSinkWriter implements SinkWriter<String> {

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

    public InfluxSinkWriter(InfluxSettings settings, SinkWriterMetricGroup metrics, RejectedLines.Writer rejectedLines) {
        this.rejectedLines = rejectedLines;
        this.rejected = metrics.counter("influxRejected");
        this.replaced = metrics.counter("influxReplaced");
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
            writer.delete(replace.get());
            replaced.inc();
            return;
        }
        buffer.add(line);
        if (buffer.size() >= batchSize) {
            writeBuffer();
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
