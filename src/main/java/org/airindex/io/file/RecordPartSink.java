package org.airindex.io.file;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.memory.DataInputViewStreamWrapper;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;

/**
 * Writes a bounded stream's records, in the stream's own serialized form, to a part file per
 * subtask ({@code <name>-<subtask>.bin}), which {@link #read()} gives back once the job has ended.
 * It is how a batch job hands a few thousand results to its client: a collect sink would poll the
 * job master all through the run. Each record is preceded by a marker byte and a finished part ends
 * with another, so a part cut short by a failure is refused, never read as fewer records. A
 * restarted subtask rewrites its part from the start. Records of one subject keep their order if
 * they reach the sink through one subtask.
 */
public final class RecordPartSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final int RECORD = 1;
    private static final int END = 0;

    private final String directory;
    private final String name;
    private final TypeSerializer<T> serializer;

    public RecordPartSink(Path directory, String name, TypeSerializer<T> serializer) {
        this.directory = directory.toString();
        this.name = name;
        this.serializer = serializer;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        return writer(context.getTaskInfo().getIndexOfThisSubtask());
    }

    SinkWriter<T> writer(int subtask) throws IOException {
        Path dir = Files.createDirectories(Path.of(directory));
        return new PartWriter<>(dir.resolve(name + "-" + subtask + ".bin"), serializer.duplicate());
    }

    /** Every part's records, the parts in subtask order; none when the stream had no records. */
    public List<T> read() throws IOException {
        Pattern partName = Pattern.compile(Pattern.quote(name) + "-(\\d+)\\.bin");
        Map<Integer, Path> parts = new TreeMap<>();
        Path dir = Path.of(directory);
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path p : files) {
                    Matcher m = partName.matcher(p.getFileName().toString());
                    if (m.matches()) {
                        parts.put(Integer.parseInt(m.group(1)), p);
                    }
                }
            }
        }
        List<T> out = new ArrayList<>();
        for (Path part : parts.values()) {
            readPart(part, out);
        }
        return out;
    }

    private void readPart(Path part, List<T> out) throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(part), 1 << 16)) {
            DataInputViewStreamWrapper in = new DataInputViewStreamWrapper(new DataInputStream(file));
            while (true) {
                int marker = in.read();
                if (marker == END) {
                    return;
                }
                if (marker != RECORD) {
                    throw new IOException("part " + part + " is incomplete or corrupt after " + out.size()
                            + " records");
                }
                out.add(serializer.deserialize(in));
            }
        }
    }

    private static final class PartWriter<T> implements SinkWriter<T> {
        private final TypeSerializer<T> serializer;
        private final DataOutputViewStreamWrapper out;

        PartWriter(Path part, TypeSerializer<T> serializer) throws IOException {
            this.serializer = serializer;
            this.out = new DataOutputViewStreamWrapper(new BufferedOutputStream(Files.newOutputStream(part), 1 << 16));
        }

        @Override
        public void write(T element, Context context) throws IOException {
            out.write(RECORD);
            serializer.serialize(element, out);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (endOfInput) {
                out.write(END);
            }
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
