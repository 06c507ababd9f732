package org.airindex.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.airindex.io.csv.Csv;
import org.airindex.io.csv.CsvFormatException;
import org.airindex.io.csv.CsvRecord;

/** The tables of {@code replay --out DIR}, read by their header names. */
public final class ReplayResults implements Results {
    private final Path dir;

    public ReplayResults(Path dir) {
        this.dir = dir;
    }

    @Override
    public List<PlacePeriod> periods(String level) {
        return rows(level + "_period.csv", r -> new PlacePeriod(r.text("place"), r.text("period"), r.num("pm25"),
                r.num("composite"), r.integer("valid_days"), r.flag("valid"), r.text("as_of"),
                r.num("composite_last_year"), r.num("composite_change"), r.num("pm25_last_year"),
                r.num("pm25_change")));
    }

    @Override
    public List<Average> averages() {
        return rows("province_average.csv", r -> new Average(r.text("province"), r.text("kind"), r.text("period"),
                r.text("as_of"), r.num("composite"), r.num("pm25"), r.num("composite_change"), r.num("pm25_change"),
                r.integer("places")));
    }

    @Override
    public List<Rank> rankings() {
        return rows("ranking.csv", r -> new Rank(r.text("province"), r.text("period"), r.text("metric"),
                r.integer("rank"), r.text("place"), r.num("value"),
                r.text("bottom_of").isEmpty() ? null : r.integer("bottom_of")));
    }

    @Override
    public List<Money> money() {
        return rows("money.csv", r -> new Money(r.text("place"), r.text("period"), r.text("indicator"),
                r.text("comparison"), Long.parseLong(r.text("amount_cny")), r.flag("illustrative")));
    }

    @Override
    public List<Note> notes() {
        return rows("settlement_notes.csv", r -> new Note(r.text("place"), r.text("kind"), r.text("period"),
                r.text("reason"), r.text("detail")));
    }

    private <T> List<T> rows(String table, Function<Row, T> as) {
        Path file = dir.resolve(table);
        List<CsvRecord> records;
        try {
            records = Csv.records(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ResultsException(file + " is missing: is " + dir + " the --out directory of a replay?");
        } catch (IOException | CsvFormatException e) {
            throw new ResultsException("cannot read " + file + ": " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new ResultsException(file + " has no header");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0).fields();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i), i);
        }
        List<T> out = new ArrayList<>();
        for (CsvRecord rec : records.subList(1, records.size())) {
            try {
                out.add(as.apply(new Row(file, rec, columns)));
            } catch (NumberFormatException e) {
                throw new ResultsException(file + " line " + rec.line() + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** One row of a table, its cells by column name. */
    private record Row(Path file, CsvRecord rec, Map<String, Integer> columns) {
        String text(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                throw new ResultsException(file + " has no column " + column);
            }
            return i < rec.fields().size() ? rec.fields().get(i) : "";
        }

        Double num(String column) {
            String t = text(column);
            return t.isEmpty() ? null : Double.valueOf(t);
        }

        int integer(String column) {
            return Integer.parseInt(text(column));
        }

        boolean flag(String column) {
            return Boolean.parseBoolean(text(column));
        }
    }
}
