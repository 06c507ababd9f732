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
import org.airindex.domain.PeriodValues;
import org.airindex.domain.province.ProvinceComparison;
import org.airindex.io.csv.Csv;
import org.airindex.io.csv.CsvFormatException;
import org.airindex.io.csv.CsvRecord;

/**
 * The tables of {@code replay --out DIR}, read by their header names: the versions as of each day from its
 * history folder, the daily values and alerts from the tables themselves.
 */
public final class ReplayResults implements Results {
    /** The folder of a replay's tables as of each day ({@code ReplayTables} writes it). */
    public static final String HISTORY_FOLDER = "history";
    private static final String HISTORY = HISTORY_FOLDER + "/";
    private final Path dir;

    public ReplayResults(Path dir) {
        this.dir = dir;
    }

    @Override
    public List<PlacePeriod> periods(String level) {
        return rows(HISTORY + "period.csv", r -> r.text("level").equals(level) ? new PlacePeriod(r.text("place"),
                r.text("period"), r.text("as_of"), r.num("pm25"), r.num("composite"), r.integer("valid_days"),
                r.flag("valid"), r.num("composite_last_year"), r.num("composite_change"), r.num("pm25_last_year"),
                r.num("pm25_change"), PeriodValues.of(r.num("so2"), r.num("no2"), r.num("pm10"), r.num("pm25"),
                        r.num("co_p95"), r.num("o3_8h_p90"))) : null);
    }

    @Override
    public List<Average> averages() {
        return rows(HISTORY + "province_average.csv", r -> new Average(r.text("province"), r.text("kind"),
                r.text("period"), r.text("as_of"), r.num("composite"), r.num("pm25"), r.num("composite_change"),
                r.num("pm25_change"), r.integer("places")));
    }

    @Override
    public List<Rank> rankings() {
        return rows(HISTORY + "ranking.csv", r -> new Rank(r.text("province"), r.text("period"), r.text("as_of"),
                r.text("metric"), r.integer("rank"), r.text("place"), r.num("value"),
                r.text("bottom_of").isEmpty() ? null : r.integer("bottom_of")));
    }

    @Override
    public List<Gap> gaps() {
        return rows(HISTORY + "gap.csv", r -> new Gap(r.text("place"), r.text("period"), r.text("as_of"),
                r.text("indicator"), r.text("target"), r.num("current"), r.num("target_value"), r.num("reduction"),
                r.num("daily_needed")));
    }

    @Override
    public List<Money> money() {
        return rows(HISTORY + "money.csv", r -> new Money(r.text("place"), r.text("period"), r.text("as_of"),
                r.text("indicator"), r.text("comparison"), Long.parseLong(r.text("amount_cny")), r.flag("illustrative")));
    }

    @Override
    public List<Note> notes() {
        return rows(HISTORY + "settlement_notes.csv", r -> new Note(r.text("place"), r.text("kind"),
                r.text("period"), r.text("as_of"), r.text("reason"), r.text("detail")));
    }

    /** A replay before station contributions wrote no table of them: none. */
    @Override
    public List<Contribution> contributions() {
        if (!Files.exists(dir.resolve(HISTORY + "contribution.csv"))) {
            return List.of();
        }
        return rows(HISTORY + "contribution.csv", r -> new Contribution(r.text("place"), r.text("station"),
                r.text("period"), r.text("as_of"), r.text("indicator"), r.num("value"), r.num("place_value"),
                r.num("difference"), r.num("share"), r.text("rank").isEmpty() ? null : r.integer("rank"),
                r.integer("stations")));
    }

    /** A replay before the national tracker wrote no table of it: none. */
    @Override
    public List<National> national() {
        if (!Files.exists(dir.resolve("national_estimate.csv"))) {
            return List.of();
        }
        return rows("national_estimate.csv", r -> new National(r.text("city"), r.text("period"), r.text("as_of"),
                r.text("table_period"), Integer.parseInt(r.text("target").substring(ProvinceComparison.LEAVE_BOTTOM.length())),
                r.num("composite"), r.integer("rank"), r.integer("of"), r.flag("in_bottom"), r.num("needed_composite"),
                r.num("reduction"), r.num("daily_composite"), r.num("pm25"), r.num("needed_pm25"), r.num("daily_pm25")));
    }

    @Override
    public List<Day> days(String level) {
        return rows(level + "_daily.csv", r -> new Day(r.text("place"), r.text("date"), r.num("pm25"),
                r.text("aqi").isEmpty() ? null : r.integer("aqi"), r.text("category"), r.text("primary"),
                r.flag("valid")));
    }

    @Override
    public List<Alert> alerts() {
        return rows("alerts.csv", r -> new Alert(r.text("id"), r.text("type"), r.text("level"), r.text("place"),
                r.text("start"), r.text("end"), r.text("message")));
    }

    /** @param as a row's record, or null to leave the row out */
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
                T row = as.apply(new Row(file, rec, columns));
                if (row != null) {
                    out.add(row);
                }
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

        /** A number of the job's own writing: finite (1e999 reads as infinity, NaN as no number). */
        Double num(String column) {
            String t = text(column);
            if (t.isEmpty()) {
                return null;
            }
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException(column + " is not a finite number: " + t);
            }
            return v;
        }

        int integer(String column) {
            return Integer.parseInt(text(column));
        }

        boolean flag(String column) {
            return Boolean.parseBoolean(text(column));
        }
    }
}
