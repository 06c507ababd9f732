package org.airindex.io.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one way the project reads CSV: Apache Commons CSV with RFC 4180 (fields may be quoted and then
 * hold commas, quotes and line breaks; CRLF or LF line ends). A leading UTF-8 BOM, as spreadsheet
 * programs write it, is dropped.
 */
public final class Csv {
    /** Data tables: blank lines are skipped. */
    public static final CSVFormat TABLE = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    /** Configuration tables (station registry, baselines): lines starting with # are comments too. */
    public static final CSVFormat CONFIG = TABLE.builder().setCommentMarker('#').get();

    private Csv() {
    }

    /** Every record of a data table, each with the line it starts on, for error messages. */
    public static List<CsvRecord> records(String text) throws CsvFormatException {
        return records(text, TABLE);
    }

    /** Every record in the format ({@link #TABLE} or {@link #CONFIG}), each with the line it starts on. */
    public static List<CsvRecord> records(String text, CSVFormat format) throws CsvFormatException {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Character comment = format.getCommentMarker();
        List<CsvRecord> out = new ArrayList<>();
        // Lines are counted up to each record's first character: blank and comment lines before it are
        // skipped by the parser and quoted line breaks inside earlier records count, as an editor shows them.
        int scanned = 0;
        int line = 1;
        try (CSVParser parser = CSVParser.parse(t, format)) {
            for (CSVRecord r : parser) {
                int start = (int) r.getCharacterPosition();
                while (start < t.length()) {
                    char c = t.charAt(start);
                    if (c == '\n' || c == '\r') {
                        start++;
                    } else if (comment != null && c == comment) {
                        while (start < t.length() && t.charAt(start) != '\n' && t.charAt(start) != '\r') {
                            start++;
                        }
                    } else {
                        break;
                    }
                }
                for (; scanned < start; scanned++) {
                    char c = t.charAt(scanned);
                    if (c == '\n' || (c == '\r' && (scanned + 1 == t.length() || t.charAt(scanned + 1) != '\n'))) {
                        line++;
                    }
                }
                out.add(new CsvRecord(line, r.toList()));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CsvFormatException(message(e));
        }
        return out;
    }

    /** The fields of one line of a data file read line by line (a quoted field must close on it). */
    public static List<String> cells(String line) throws CsvFormatException {
        try (CSVParser parser = CSVParser.parse(line, TABLE)) {
            List<CSVRecord> rows = parser.getRecords();
            if (rows.size() > 1) {
                throw new CsvFormatException("more than one row on a line");
            }
            return rows.isEmpty() ? List.of() : rows.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new CsvFormatException(message(e));
        }
    }

    private static String message(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }
}
