package org.airindex.domain.province;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.airindex.domain.NamedPeriod;
import org.airindex.domain.PeriodValues;
import org.airindex.io.csv.Csv;
import org.airindex.io.csv.CsvFormatException;
import org.airindex.io.csv.CsvRecord;

/**
 * Last year's period statistics per place, the base of the 同比 change rates, read from CSV files
 * ({@code conf/baselines/*.csv}) with the header {@code place,period,so2,no2,pm10,pm25,co_p95,o3_8h_p90}.
 * A period is {@code YYYY-MM} (month), {@code YYYY} (year) or a named period's run as the job names it
 * ({@code autumn-winter 2025-10-01..2026-03-31}); an empty cell is a missing value;
 * lines starting with {@code #} are comments. Units as in STANDARDS.md (CO mg/m³).
 */
public final class Baselines implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String HEADER = "place,period,so2,no2,pm10,pm25,co_p95,o3_8h_p90";
    private static final int COLUMNS = 8;
    private static final Pattern PERIOD = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2]))?|" + NamedPeriod.NAME_PATTERN
            + " \\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2}");

    private final Map<String, PeriodValues> values;

    private Baselines(Map<String, PeriodValues> values) {
        this.values = values;
    }

    /** Reads one CSV file, or every {@code *.csv} of a directory; a place and period may appear only once. */
    public static Baselines load(Path fileOrDir) {
        Map<String, PeriodValues> values = new HashMap<>();
        for (Path file : files(fileOrDir)) {
            read(file, values);
        }
        return new Baselines(values);
    }

    public Optional<PeriodValues> get(String place, String period) {
        return Optional.ofNullable(values.get(key(place, period)));
    }

    private static List<Path> files(Path fileOrDir) {
        if (!Files.isDirectory(fileOrDir)) {
            return List.of(fileOrDir);
        }
        try (Stream<Path> s = Files.list(fileOrDir)) {
            List<Path> files = s.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
            if (files.isEmpty()) {
                throw new BaselineFormatException(fileOrDir + ": no .csv files");
            }
            return files;
        } catch (IOException e) {
            throw new BaselineFormatException("cannot list " + fileOrDir + ": " + e.getMessage(), e);
        }
    }

    /** One CSV file (RFC 4180, # comments): errors name the file and line. */
    private static void read(Path file, Map<String, PeriodValues> into) {
        List<CsvRecord> records;
        try {
            records = Csv.records(Files.readString(file, StandardCharsets.UTF_8), Csv.CONFIG);
        } catch (IOException | CsvFormatException e) {
            throw new BaselineFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (records.isEmpty() || !String.join(",", records.get(0).fields()).replace(" ", "").equals(HEADER)) {
            throw new BaselineFormatException(file + (records.isEmpty() ? "" : ":" + records.get(0).line())
                    + ": expected the header " + HEADER);
        }
        for (CsvRecord record : records.subList(1, records.size())) {
            List<String> r = record.fields();
            String where = file + ":" + record.line() + ": ";
            if (r.size() != COLUMNS) {
                throw new BaselineFormatException(where + "expected " + COLUMNS + " columns, found " + r.size());
            }
            String place = r.get(0).strip();
            String period = r.get(1).strip();
            String[] parts = place.split("/", -1);
            if (parts.length != 3 || Stream.of(parts).anyMatch(String::isBlank)) {
                throw new BaselineFormatException(where + "place must be province/city/county: " + place);
            }
            if (!PERIOD.matcher(period).matches() || !datesInOrder(period)) {
                throw new BaselineFormatException(where + "period must be YYYY, YYYY-MM or a named period's run such as "
                        + "autumn-winter 2025-10-01..2026-03-31: " + period);
            }
            PeriodValues v = new PeriodValues(value(r.get(2), where), value(r.get(3), where), value(r.get(4), where),
                    value(r.get(5), where), value(r.get(6), where), value(r.get(7), where));
            if (into.putIfAbsent(key(place, period), v) != null) {
                throw new BaselineFormatException(where + "second row for " + place + " " + period);
            }
        }
    }

    private static Double value(String cell, String where) {
        String c = cell.strip();
        if (c.isEmpty()) {
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(c);
        } catch (NumberFormatException e) {
            throw new BaselineFormatException(where + "not a number: " + c);
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new BaselineFormatException(where + "a concentration must be finite and not negative: " + c);
        }
        return v;
    }

    /** A named run's two dates are real days, the first not after the last; other periods have none. */
    private static boolean datesInOrder(String period) {
        int space = period.indexOf(' ');
        if (space < 0) {
            return true;
        }
        try {
            String[] dates = period.substring(space + 1).split("\\.\\.");
            return !LocalDate.parse(dates[0]).isAfter(LocalDate.parse(dates[1]));
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String key(String place, String period) {
        return place + "|" + period;
    }
}
