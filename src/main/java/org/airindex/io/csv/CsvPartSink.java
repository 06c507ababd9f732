package org.airindex.io.csv;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Writes rows to CSV part files, one per table and subtask ({@code <table>-<subtask>.csv} in a
 * folder), formatted where they are produced: a bounded (batch) job's large tables then never pass
 * through the client. {@link CsvParts} merges a table's parts. A restarted subtask rewrites its
 * parts from the start. Rows of one subject must reach the sink through one subtask (a keyed
 * producer, forward-connected), so its versions keep their order in one part.
 */
public final class CsvPartSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    /** How an element becomes a table row; serializable, as the sink is. */
    @FunctionalInterface
    public interface Rows<T> extends Serializable {
        TableRow row(T element);
    }

    private final String directory;
    private final Rows<T> rows;

    public CsvPartSink(Path directory, Rows<T> rows) {
        this.directory = directory.toString();
        this.rows = rows;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return new PartWriter<>(Path.of(directory), context.getTaskInfo().getIndexOfThisSubtask(), rows);
    }

    private static final class PartWriter<T> implements SinkWriter<T> {
        private final Path directory;
        private final int subtask;
        private final Rows<T> rows;
        private final Map<String, CsvWriter> writers = new HashMap<>();

        PartWriter(Path directory, int subtask, Rows<T> rows) throws IOException {
            this.directory = Files.createDirectories(directory);
            this.subtask = subtask;
            this.rows = rows;
        }

        @Override
        public void write(T element, Context context) throws IOException {
            TableRow row = rows.row(element);
            CsvWriter csv = writers.get(row.table());
            if (csv == null) {
                csv = new CsvWriter(Files.newBufferedWriter(directory.resolve(CsvParts.partName(row.table(), subtask)),
                        StandardCharsets.UTF_8));
                writers.put(row.table(), csv);
            }
            List<String> line = new ArrayList<>(row.cells().size() + 1);
            line.add(Long.toString(row.order()));
            line.addAll(row.cells());
            csv.writeRow(line);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            for (CsvWriter csv : writers.values()) {
                csv.flush();
            }
        }

        @Override
        public void close() throws IOException {
            IOException failed = null;
            for (CsvWriter csv : writers.values()) {
                try {
                    csv.close();
                } catch (IOException e) {
                    failed = e;
                }
            }
            if (failed != null) {
                throw failed;
            }
        }
    }
}
