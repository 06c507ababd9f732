package org.airindex.cli;

import org.airindex.io.csv.Csv;
import org.airindex.io.csv.CsvFormatException;
import org.airindex.io.csv.CsvRecord;
import org.airindex.io.csv.CsvWriter;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calculators' shared shape: read a UTF-8 CSV with a header, add computed columns to each row,
 * pass every other column through, report bad rows on stderr with their line and leave them out.
 */
final class CsvTransform {
    /** Computes the added cells of one row, in the order of the added column names. */
    interface RowFunction {
        List<String> apply(Row row) throws BadRowException;
    }

    /** An input row addressed by column name. */
    static final class Row {
        private final CsvRecord record;
        private final Map<String, Integer> index;

        Row(CsvRecord record, Map<String, Integer> index) {
            this.record = record;
            this.index = index;
        }

        boolean has(String column) {
            return index.containsKey(column);
        }

        /** The trimmed cell; null when the column is absent or the cell is empty (= missing). */
        String text(String column) {
            Integer i = index.get(column);
            if (i == null) {
                return null;
            }
            String s = record.fields().get(i).trim();
            return s.isEmpty() ? null : s;
        }

        /**
         * A concentration: decimal notation only (no NaN, Infinity or type suffixes, which
         * Double.parseDouble would accept), not negative.
         */
        Double number(String column) throws BadRowException {
            String s = text(column);
            if (s == null) {
                return null;
            }
            BigDecimal d;
            try {
                d = new BigDecimal(s);
            } catch (NumberFormatException e) {
                throw new BadRowException(column + ": not a number: '" + s + "'");
            }
            if (d.signum() < 0) {
                throw new BadRowException(column + ": negative value " + s);
            }
            double v = d.doubleValue();
            if (Double.isInfinite(v)) {
                throw new BadRowException(column + ": out of range: " + s);
            }
            return v;
        }
    }

    private CsvTransform() {
    }

    /** @return 0, or {@link Subcommand#BAD_ROWS} when some row was left out */
    static int run(Path input, String output, PrintStream out, PrintStream err, List<String> required,
                   List<String> added, RowFunction fn) throws UsageException {
        List<CsvRecord> records;
        try {
            records = Csv.records(Files.readString(input, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new UsageException("input file not found: " + input);
        } catch (IOException e) {
            throw new UsageException("cannot read " + input + " as UTF-8 text: " + e);
        } catch (CsvFormatException e) {
            throw new UsageException(input + ": " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new UsageException(input + ": empty, a header row is needed");
        }
        List<String> header = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (String h : records.get(0).fields()) {
            String name = h.trim();
            if (index.put(name, header.size()) != null) {
                throw new UsageException(input + ": column '" + name + "' appears twice");
            }
            header.add(name);
        }
        List<String> absent = new ArrayList<>();
        for (String c : required) {
            if (!index.containsKey(c)) {
                absent.add(c);
            }
        }
        if (!absent.isEmpty()) {
            throw new UsageException(input + ": missing column(s) " + String.join(",", absent));
        }
        // A computed column that the input already has is overwritten in place rather than duplicated.
        List<String> outHeader = new ArrayList<>(header);
        int[] position = new int[added.size()];
        for (int i = 0; i < added.size(); i++) {
            Integer existing = index.get(added.get(i));
            position[i] = existing != null ? existing : outHeader.size();
            if (existing == null) {
                outHeader.add(added.get(i));
            }
        }
        int bad = 0;
        try (Writer w = output == null
                ? new BufferedWriter(new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8))
                : Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(w);
            csv.writeRow(outHeader);
            for (CsvRecord rec : records.subList(1, records.size())) {
                try {
                    if (rec.fields().size() != header.size()) {
                        throw new BadRowException("expected " + header.size() + " fields, found " + rec.fields().size());
                    }
                    List<String> cells = fn.apply(new Row(rec, index));
                    List<String> row = new ArrayList<>(rec.fields());
                    while (row.size() < outHeader.size()) {
                        row.add("");
                    }
                    for (int i = 0; i < cells.size(); i++) {
                        row.set(position[i], cells.get(i));
                    }
                    csv.writeRow(row);
                } catch (BadRowException e) {
                    bad++;
                    err.println("line " + rec.line() + ": " + e.getMessage() + " (row left out)");
                }
            }
            csv.flush();
        } catch (IOException e) {
            throw new UsageException("cannot write " + (output == null ? "standard output" : output) + ": " + e);
        }
        return bad > 0 ? Subcommand.BAD_ROWS : 0;
    }

    /** Closing the writer must not close the caller's stream (System.out, or a test's buffer). */
    private static OutputStream nonClosing(PrintStream target) {
        return new FilterOutputStream(target) {
            @Override
            public void write(byte[] b, int off, int len) {
                target.write(b, off, len);
            }

            @Override
            public void close() {
                target.flush();
            }
        };
    }
}
