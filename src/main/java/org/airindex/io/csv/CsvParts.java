package org.airindex.io.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The part files of {@link CsvPartSink}, merged into one table. */
public final class CsvParts {
    private CsvParts() {
    }

    static String partName(String table, int subtask) {
        return table + "-" + subtask + ".csv";
    }

    /**
     * Writes a table's rows from all its parts: the last version of each row (same first cell and
     * order), sorted by first cell, then order. A part holds the order and then the row's cells as
     * {@link CsvWriter} wrote them in UTF-8, so only the order and the first cell are parsed, and the
     * rest of each row is copied byte for byte.
     *
     * <p>A replay's tables can be larger than the heap (a year of 1,000 stations: 550 MB of station
     * hours), so the merge holds one part at a time, and then one subject's rows at a time: a first pass
     * notes where each subject's rows lie in each part (runs of rows, which the tasks write a key at a
     * time), a second reads each subject's runs back, in subject order.
     *
     * @return how many rows were written
     */
    public static int merge(Path directory, String table, OutputStream out) throws IOException {
        List<Path> parts = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            Pattern name = Pattern.compile(Pattern.quote(table) + "-\\d+\\.csv");
            try (DirectoryStream<Path> found = Files.newDirectoryStream(directory,
                    p -> name.matcher(p.getFileName().toString()).matches())) {
                found.forEach(parts::add);
            }
        }
        // Subject → its runs, in the order of the parts and of the rows within each.
        Map<String, List<Run>> runs = new TreeMap<>();
        for (int i = 0; i < parts.size(); i++) {
            int part = i;
            byte[] bytes = read(parts.get(part));
            Run[] open = {null};
            scan(parts.get(part), bytes, (subject, order, from, cells, to) -> {
                if (open[0] == null || !open[0].subject.equals(subject)) {
                    open[0] = new Run(subject, part, from);
                    runs.computeIfAbsent(subject, s -> new ArrayList<>()).add(open[0]);
                }
                open[0].to = to;
            });
        }
        int rows = 0;
        FileChannel[] channels = new FileChannel[parts.size()];
        try {
            for (List<Run> subject : runs.values()) {
                // Order → the row's last version.
                TreeMap<Long, byte[]> last = new TreeMap<>();
                for (Run run : subject) {
                    if (channels[run.part] == null) {
                        channels[run.part] = FileChannel.open(parts.get(run.part), StandardOpenOption.READ);
                    }
                    byte[] bytes = readRange(channels[run.part], run.from, run.to);
                    scan(parts.get(run.part), bytes, (s, order, from, cells, to) -> last.put(order,
                            Arrays.copyOfRange(bytes, cells, to)));
                }
                for (byte[] row : last.values()) {
                    out.write(row);
                    if (row[row.length - 1] != '\n') {
                        out.write('\n');
                    }
                    rows++;
                }
            }
        } finally {
            for (FileChannel c : channels) {
                if (c != null) {
                    c.close();
                }
            }
        }
        return rows;
    }

    /** Consecutive rows of one subject in a part: bytes from..to, order cells included. */
    private static final class Run {
        final String subject;
        final int part;
        final long from;
        long to;

        Run(String subject, int part, long from) {
            this.subject = subject;
            this.part = part;
            this.from = from;
        }
    }

    private interface RowVisitor {
        /**
         * A row: its subject (first cell), its order, where it starts (its order cell), where its cells
         * start, and its line end.
         */
        void row(String subject, long order, int from, int cells, int to);
    }

    private static byte[] read(Path part) throws IOException {
        if (Files.size(part) > Integer.MAX_VALUE - 16) {
            throw new IOException("part " + part + " is larger than 2 GB: replay with more parallelism");
        }
        return Files.readAllBytes(part);
    }

    private static byte[] readRange(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(to - from));
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, from + buffer.position()) < 0) {
                throw new IOException("a part ended before its rows");
            }
        }
        return buffer.array();
    }

    private static void scan(Path part, byte[] bytes, RowVisitor visitor) throws IOException {
        try {
            readPart(bytes, visitor);
        } catch (RuntimeException e) {
            throw new IOException("unreadable part " + part + ": " + e.getMessage(), e);
        }
    }

    /** Every byte the scan looks for is ASCII, which UTF-8 never uses inside a multi-byte character. */
    private static void readPart(byte[] part, RowVisitor visitor) {
        String subject = null;
        int subjectFrom = 0;
        int subjectTo = 0;
        int at = 0;
        while (at < part.length) {
            int orderEnd = indexOf(part, (byte) ',', at);
            if (orderEnd < 0) {
                throw new IllegalArgumentException("a row without cells at byte " + at);
            }
            long order = Long.parseLong(new String(part, at, orderEnd - at, StandardCharsets.US_ASCII));
            int rowFrom = orderEnd + 1;
            int cellEnd = fieldEnd(part, rowFrom);
            int rowTo = rowEnd(part, cellEnd);
            // Rows of one subject follow each other: decode the subject only when it changes.
            if (subject == null || !Arrays.equals(part, rowFrom, cellEnd, part, subjectFrom, subjectTo)) {
                subject = cell(part, rowFrom, cellEnd);
                subjectFrom = rowFrom;
                subjectTo = cellEnd;
            }
            visitor.row(subject, order, at, rowFrom, rowTo);
            at = rowTo;
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Where the field starting at {@code from} ends: after its closing quote, or at the next separator. */
    private static int fieldEnd(byte[] part, int from) {
        if (from < part.length && part[from] == '"') {
            int i = from + 1;
            while (true) {
                int quote = indexOf(part, (byte) '"', i);
                if (quote < 0) {
                    throw new IllegalArgumentException("an unclosed quote at byte " + from);
                }
                if (quote + 1 < part.length && part[quote + 1] == '"') {
                    i = quote + 2;
                } else {
                    return quote + 1;
                }
            }
        }
        int i = from;
        while (i < part.length && part[i] != ',' && part[i] != '\n' && part[i] != '\r') {
            i++;
        }
        return i;
    }

    /** Just after the line end that closes the row, outside quotes; the part's end for a last row without one. */
    private static int rowEnd(byte[] part, int from) {
        boolean quoted = false;
        for (int i = from; i < part.length; i++) {
            if (part[i] == '"') {
                quoted = !quoted;
            } else if (part[i] == '\n' && !quoted) {
                return i + 1;
            }
        }
        return part.length;
    }

    /** The value of the field from..to, read as the project reads any CSV field. */
    private static String cell(byte[] part, int from, int to) {
        if (from == to) {
            return "";
        }
        try {
            return Csv.cells(new String(part, from, to - from, StandardCharsets.UTF_8)).get(0);
        } catch (CsvFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
