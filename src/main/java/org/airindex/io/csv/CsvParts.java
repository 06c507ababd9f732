package org.airindex.io.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
     * @return how many rows were written
     */
    public static int merge(Path directory, String table, OutputStream out) throws IOException {
        // Subject → order → the row's last version: a few subjects, each with many rows.
        Map<String, TreeMap<Long, Row>> last = new TreeMap<>();
        if (Files.isDirectory(directory)) {
            Pattern name = Pattern.compile(Pattern.quote(table) + "-\\d+\\.csv");
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory,
                    p -> name.matcher(p.getFileName().toString()).matches())) {
                for (Path part : parts) {
                    try {
                        readPart(Files.readAllBytes(part), last);
                    } catch (RuntimeException e) {
                        throw new IOException("unreadable part " + part + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        int rows = 0;
        for (TreeMap<Long, Row> subject : last.values()) {
            for (Row r : subject.values()) {
                out.write(r.part, r.from, r.to - r.from);
                if (r.part[r.to - 1] != '\n') {
                    out.write('\n');
                }
                rows++;
            }
        }
        return rows;
    }

    /** A row's bytes in its part, from its first cell to its line end. */
    private record Row(byte[] part, int from, int to) {}

    /** Every byte the scan looks for is ASCII, which UTF-8 never uses inside a multi-byte character. */
    private static void readPart(byte[] part, Map<String, TreeMap<Long, Row>> last) {
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
            last.computeIfAbsent(subject, s -> new TreeMap<>()).put(order, new Row(part, rowFrom, rowTo));
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
