package org.airindex.io.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
     * A table's rows from all its parts: the last version of each row (same first cell and order),
     * sorted by first cell, then order; each row as the CSV text its part holds, line end included.
     * A part holds the order and then the row's cells as {@link CsvWriter} wrote them, so only the
     * order and the first cell are parsed; the rest of the text is copied as it is.
     */
    public static List<String> merge(Path directory, String table) throws IOException {
        // Subject → order → the row's last version: a few subjects, each with many rows.
        Map<String, TreeMap<Long, String>> last = new TreeMap<>();
        if (Files.isDirectory(directory)) {
            Pattern name = Pattern.compile(Pattern.quote(table) + "-\\d+\\.csv");
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory,
                    p -> name.matcher(p.getFileName().toString()).matches())) {
                for (Path part : parts) {
                    try {
                        readPart(Files.readString(part, StandardCharsets.UTF_8), last);
                    } catch (RuntimeException e) {
                        throw new IOException("unreadable part " + part + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        last.values().forEach(rows -> out.addAll(rows.values()));
        return out;
    }

    private static void readPart(String text, Map<String, TreeMap<Long, String>> last) {
        int at = 0;
        while (at < text.length()) {
            int orderEnd = text.indexOf(',', at);
            if (orderEnd < 0) {
                throw new IllegalArgumentException("a row without cells at character " + at);
            }
            long order = Long.parseLong(text, at, orderEnd, 10);
            int rowStart = orderEnd + 1;
            int subjectEnd = fieldEnd(text, rowStart);
            int rowEnd = rowEnd(text, subjectEnd);
            String row = text.substring(rowStart, rowEnd);
            last.computeIfAbsent(cell(text, rowStart, subjectEnd), s -> new TreeMap<>())
                    .put(order, row.endsWith("\n") ? row : row + "\n");
            at = rowEnd;
        }
    }

    /** Where the field starting at {@code from} ends: after its closing quote, or at the next separator. */
    private static int fieldEnd(String text, int from) {
        if (from < text.length() && text.charAt(from) == '"') {
            int i = from + 1;
            while (true) {
                int quote = text.indexOf('"', i);
                if (quote < 0) {
                    throw new IllegalArgumentException("an unclosed quote at character " + from);
                }
                if (quote + 1 < text.length() && text.charAt(quote + 1) == '"') {
                    i = quote + 2;
                } else {
                    return quote + 1;
                }
            }
        }
        int i = from;
        while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** Just after the line end that closes the row, outside quotes; the text's end for a last row without one. */
    private static int rowEnd(String text, int from) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                return i + 1;
            }
        }
        return text.length();
    }

    /** The value of the field from..to, unquoted. */
    private static String cell(String text, int from, int to) {
        String field = text.substring(from, to);
        return field.startsWith("\"") ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
    }
}
