package org.airindex.domain.province;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.airindex.io.csv.Csv;
import org.airindex.io.csv.CsvFormatException;
import org.airindex.io.csv.CsvRecord;

/**
 * The national ranking of key cities as published each month (composite index, smaller is better), read from
 * CSV with the header {@code period,city,composite,rank}: {@code period} is {@code YYYY-MM}, {@code city} the
 * city's name as the station registry gives it (太原市), {@code composite} the published month's composite
 * index, {@code rank} its published national rank (kept for the record; ranks are recomputed on the values).
 * Lines starting with {@code #} are comments.
 */
public final class NationalTable implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String HEADER = "period,city,composite,rank";
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    /** One city of a published month. */
    public record Row(String period, String city, double composite, int rank) implements Serializable {
    }

    private final List<Row> rows;

    private NationalTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public static NationalTable of(List<Row> rows) {
        return new NationalTable(rows);
    }

    /** @throws IllegalArgumentException naming the file and line of the first unusable row */
    public static NationalTable load(Path file) {
        List<CsvRecord> records;
        try {
            records = Csv.records(Files.readString(file, StandardCharsets.UTF_8), Csv.CONFIG);
        } catch (IOException | CsvFormatException e) {
            throw new IllegalArgumentException("cannot read the national table " + file + ": " + e.getMessage(), e);
        }
        if (records.isEmpty() || !String.join(",", records.get(0).fields()).replace(" ", "").equals(HEADER)) {
            throw new IllegalArgumentException(file + ": expected the header " + HEADER);
        }
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvRecord record : records.subList(1, records.size())) {
            List<String> r = record.fields();
            String where = file + ":" + record.line() + ": ";
            if (r.size() != 4) {
                throw new IllegalArgumentException(where + "expected 4 cells, got " + r.size());
            }
            String period = r.get(0).strip();
            String city = r.get(1).strip();
            if (!PERIOD.matcher(period).matches() || city.isEmpty() || city.length() > 64) {
                throw new IllegalArgumentException(where + "a period YYYY-MM and a city name, not " + r);
            }
            double composite;
            int rank;
            try {
                composite = Double.parseDouble(r.get(2).strip());
                rank = Integer.parseInt(r.get(3).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "composite and rank must be numbers: " + r);
            }
            // A composite index is a sum of six ratios: a published one is well below 100.
            if (!(composite > 0 && composite < 100) || rank < 1) {
                throw new IllegalArgumentException(where + "a composite index in (0, 100) and a rank of 1 or more, not "
                        + r);
            }
            if (!seen.add(period + "/" + city)) {
                throw new IllegalArgumentException(where + city + " twice in " + period);
            }
            rows.add(new Row(period, city, composite, rank));
        }
        return new NationalTable(rows);
    }

    /** The latest published month before the given one, which a month-to-date estimate compares with. */
    public Optional<String> publishedBefore(String month) {
        TreeSet<String> periods = new TreeSet<>();
        rows.forEach(r -> periods.add(r.period()));
        return Optional.ofNullable(periods.lower(month));
    }

    public List<Row> month(String period) {
        return rows.stream().filter(r -> r.period().equals(period)).toList();
    }
}
