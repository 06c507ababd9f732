package org.airindex.io.csv;

import java.io.IOException;
import java.io.Reader;
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
     * sorted by first cell, then order.
     */
    public static List<List<String>> merge(Path directory, String table) throws IOException {
        // Subject → order → the row's last version: a few subjects, each with many rows.
        Map<String, TreeMap<Long, List<String>>> last = new TreeMap<>();
        if (Files.isDirectory(directory)) {
            Pattern name = Pattern.compile(Pattern.quote(table) + "-\\d+\\.csv");
            try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory,
                    p -> name.matcher(p.getFileName().toString()).matches())) {
                for (Path part : parts) {
                    try (Reader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                        for (CsvRecord r : CsvReader.readAll(in)) {
                            List<String> cells = r.fields().subList(1, r.fields().size());
                            last.computeIfAbsent(cells.get(0), s -> new TreeMap<>())
                                    .put(Long.parseLong(r.fields().get(0)), cells);
                        }
                    } catch (CsvFormatException | RuntimeException e) {
                        throw new IOException("unreadable part " + part + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        List<List<String>> out = new ArrayList<>();
        last.values().forEach(rows -> out.addAll(rows.values()));
        return out;
    }
}
