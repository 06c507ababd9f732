package org.airindex.cli;

import static org.airindex.cli.ReplayRows.num;
import static org.airindex.cli.ReplayRows.optionalNum;
import static org.airindex.cli.ReplayRows.reported;
import static org.airindex.cli.ReplayRows.text;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.airindex.domain.Pollutant;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.domain.province.ProvinceComparison;
import org.airindex.io.csv.CsvParts;
import org.airindex.io.csv.CsvWriter;
import org.airindex.jobs.ReplayOutputs.Results;
import org.airindex.records.DeadLetter;
import org.airindex.records.HourlyValue;
import org.airindex.records.NationalStanding;
import org.airindex.records.PeriodValue;
import org.airindex.records.Places;
import org.airindex.records.ProvinceReport;
import org.airindex.reports.ReplayResults;

/**
 * The CSV files of {@code replay --out DIR}. A result recomputed during the run appears once, as
 * its last version; period tables hold each period as of its last day in the data. Concentrations
 * are written as the standards report them; an empty cell is a missing value.
 */
final class ReplayTables {
    private static final String HISTORY = ReplayResults.HISTORY_FOLDER;
    private static final List<String> PERIOD_HEADER = List.of("place", "period", "so2", "no2", "pm10", "pm25", "co_p95",
            "o3_8h_p90", "composite", "valid_days", "valid", "as_of", "composite_last_year", "composite_change",
            "pm25_last_year", "pm25_change", "good_days", "over_days");
    private static final Comparator<PeriodValue> PERIOD_ORDER = Comparator.comparing(PeriodValue::placeKey)
            .thenComparing(v -> v.kind).thenComparing(v -> v.period);
    private static final Comparator<ProvinceReport> REPORT_ORDER = Comparator.comparing((ProvinceReport p) -> p.province)
            .thenComparing(p -> p.kind).thenComparing(p -> p.period);

    private final ReplayRows rows;

    ReplayTables(ReplayRows rows) {
        this.rows = rows;
    }

    /**
     * @param parts the part files of the hourly and daily tables ({@link ReplayRows})
     * @return the files written, with their row counts
     */
    Map<String, Integer> write(Path dir, Path parts, Results r) throws IOException {
        Files.createDirectories(dir);
        List<String> levels = new ArrayList<>(List.of(HourlyValue.STATION));
        levels.addAll(Places.PLACE_LEVELS);
        Map<String, List<String>> partTables = new LinkedHashMap<>();
        levels.forEach(level -> partTables.put(ReplayRows.hourlyTable(level), ReplayRows.HOURLY_HEADER));
        levels.forEach(level -> partTables.put(ReplayRows.dailyTable(level), ReplayRows.DAILY_HEADER));
        // The tables are independent and the job has ended: merge them on every core.
        Map<String, Integer> merged = new ConcurrentHashMap<>();
        try {
            partTables.keySet().parallelStream().forEach(table -> {
                try {
                    merged.put(table, mergedTable(dir.resolve(table + ".csv"), partTables.get(table), parts, table));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Map<String, Integer> written = new LinkedHashMap<>();
        partTables.keySet().forEach(table -> written.put(table + ".csv", merged.get(table)));
        for (String level : Places.PLACE_LEVELS) {
            List<PeriodValue> rows = latestAsOf(r.periods().stream().filter(v -> v.level.equals(level)).toList(),
                    v -> v.placeKey() + "@" + v.period, v -> v.asOf, PERIOD_ORDER);
            written.put(level + "_period.csv", table(dir.resolve(level + "_period.csv"), PERIOD_HEADER, rows, this::period));
        }
        List<ProvinceReport> reports = latestAsOf(r.province(), p -> p.province + "@" + p.kind + "@" + p.period,
                p -> p.asOf, REPORT_ORDER);
        provinceTables(dir, reports, false, written);
        // As of each day, for reports on a past day or week (rank movements, the gap as it was then).
        Path history = Files.createDirectories(dir.resolve(HISTORY));
        List<PeriodValue> periods = latestAsOf(r.periods(), v -> v.placeKey() + "@" + v.period + "@" + v.asOf,
                v -> v.asOf, Comparator.comparing((PeriodValue v) -> v.asOf).thenComparing(PERIOD_ORDER));
        List<String> levelAndPeriod = new ArrayList<>(List.of("level"));
        levelAndPeriod.addAll(PERIOD_HEADER);
        written.put(HISTORY + "/period.csv", table(history.resolve("period.csv"), levelAndPeriod, periods, v -> {
            List<String> row = new ArrayList<>(List.of(v.level));
            row.addAll(period(v));
            return row;
        }));
        provinceTables(history, latestAsOf(r.province(), p -> p.province + "@" + p.kind + "@" + p.period + "@" + p.asOf,
                p -> p.asOf, Comparator.comparing((ProvinceReport p) -> p.asOf).thenComparing(REPORT_ORDER)), true,
                written);
        List<DeadLetter> dead = new ArrayList<>(r.deadLetters());
        dead.sort(Comparator.comparingLong(d -> lineOf(d.origin)));
        // As of each day, as the other history tables: a city's estimate moves with its month so far.
        written.put("national_estimate.csv", table(dir.resolve("national_estimate.csv"), List.of("as_of", "city", "period",
                "table_period", "target", "composite", "rank", "of", "in_bottom", "needed_composite", "reduction",
                "daily_composite", "pm25", "needed_pm25", "daily_pm25"), latestAsOf(r.national(), s -> s.placeKey() + "@"
                + s.period + "@" + s.asOf + "@" + s.n, s -> s.asOf, Comparator.comparing((NationalStanding s) -> s.asOf)
                .thenComparing(NationalStanding::placeKey).thenComparingInt(s -> s.n)), s -> List.of(s.asOf,
                s.placeKey(), s.period, s.tablePeriod, ProvinceComparison.LEAVE_BOTTOM + s.n, num(s.composite), Integer.toString(s.rank),
                Integer.toString(s.of), Boolean.toString(s.inBottom), optionalNum(s.neededComposite), num(s.reduction),
                optionalNum(s.dailyComposite), optionalNum(s.pm25), optionalNum(s.neededPm25),
                optionalNum(s.dailyPm25))));
        written.put("dead_letter.csv", table(dir.resolve("dead_letter.csv"), List.of("line", "reason", "record"), dead,
                d -> List.of(d.origin.startsWith("line ") ? d.origin.substring(5) : d.origin, d.reason, d.record)));
        written.put("alerts.csv", table(dir.resolve("alerts.csv"),
                List.of("id", "type", "level", "place", "start", "end", "message"), alerts(r.alerts()), this::alert));
        return written;
    }

    /**
     * The province's reports as tables: provincial averages, rankings, gaps, money, what-ifs, station contributions and
     * settlement notes. With asOf (the history folder), every row carries the day its report is as of.
     */
    private static void provinceTables(Path dir, List<ProvinceReport> reports, boolean asOf, Map<String, Integer> written)
            throws IOException {
        String folder = asOf ? HISTORY + "/" : "";
        written.put(folder + "province_average.csv", table(dir.resolve("province_average.csv"),
                List.of("province", "kind", "period", "as_of", "composite", "pm25", "composite_change", "pm25_change",
                        "places"), reports.stream().filter(p -> p.averages != null).toList(), p -> List.of(p.province,
                        p.kind, p.period, p.asOf, optionalNum(p.averages.composite()), optionalNum(p.averages.pm25()),
                        optionalNum(p.averages.compositeChange()), optionalNum(p.averages.pm25Change()),
                        Integer.toString(p.averages.places()))));
        written.put(folder + "ranking.csv", table(dir.resolve("ranking.csv"), withAsOf(asOf, List.of("province", "period",
                "metric", "rank", "place", "value", "bottom_of")), entries(reports, p -> p.rankings), e -> withAsOf(asOf,
                e.report(), List.of(e.entry().province(), e.entry().period(), e.entry().metric(),
                        Integer.toString(e.entry().rank()), e.entry().place(), num(e.entry().value()),
                        e.entry().bottomOf() == null ? "" : e.entry().bottomOf().toString()))));
        written.put(folder + "gap.csv", table(dir.resolve("gap.csv"), withAsOf(asOf, List.of("place", "period",
                "indicator", "target", "current", "target_value", "reduction", "daily_needed")), entries(reports,
                p -> p.gaps), e -> withAsOf(asOf, e.report(), List.of(e.entry().place(), e.entry().period(),
                        e.entry().indicator(), e.entry().target(), num(e.entry().current()),
                        optionalNum(e.entry().targetValue()), num(e.entry().reduction()),
                        optionalNum(e.entry().dailyNeeded())))));
        written.put(folder + "money.csv", table(dir.resolve("money.csv"), withAsOf(asOf, List.of("place", "period",
                "indicator", "comparison", "amount_cny", "illustrative")), entries(reports, p -> p.money),
                e -> withAsOf(asOf, e.report(), List.of(e.entry().place(), e.entry().period(), e.entry().indicator(),
                        e.entry().comparison(), num(e.entry().amountCny()), Boolean.toString(e.entry().illustrative())))));
        written.put(folder + "whatif.csv", table(dir.resolve("whatif.csv"), withAsOf(asOf, List.of("place", "period",
                "cut", "days", "pm25", "composite", "composite_rank", "pm25_rank", "of", "bottom_of", "total_now_cny",
                "total_then_cny")), entries(reports, p -> p.whatIf), e -> withAsOf(asOf, e.report(), List.of(
                        e.entry().place(), e.entry().period(), num(e.entry().cut()), Integer.toString(e.entry().days()),
                        optionalNum(e.entry().pm25()), optionalNum(e.entry().composite()), text(e.entry().compositeRank()),
                        text(e.entry().pm25Rank()), Integer.toString(e.entry().of()), text(e.entry().bottomOf()),
                        text(e.entry().totalNow()), text(e.entry().totalThen())))));
        written.put(folder + "contribution.csv", table(dir.resolve("contribution.csv"), withAsOf(asOf, List.of("place",
                "station", "period", "indicator", "value", "place_value", "difference", "share", "rank", "stations")),
                entries(reports, p -> p.contributions), e -> withAsOf(asOf, e.report(), List.of(e.entry().place(),
                        e.entry().station(), e.entry().period(), e.entry().indicator(), optionalNum(e.entry().value()),
                        optionalNum(e.entry().placeValue()), optionalNum(e.entry().difference()),
                        optionalNum(e.entry().share()), text(e.entry().rank()),
                        Integer.toString(e.entry().stations())))));
        // Notes name their day in both: a period's latest report may be older than the data's last day.
        written.put(folder + "settlement_notes.csv", table(dir.resolve("settlement_notes.csv"),
                List.of("place", "kind", "period", "as_of", "reason", "ranked", "detail"), entries(reports, p -> p.notes),
                e -> List.of(e.entry().place(), e.report().kind, e.entry().period(), e.report().asOf, e.entry().reason(),
                        Boolean.toString(e.entry().ranked()), e.entry().detail())));
    }

    /** An entry of a province report, with the report it belongs to (for its as-of day). */
    private record Entry<E>(ProvinceReport report, E entry) {}

    private static <E> List<Entry<E>> entries(List<ProvinceReport> reports, Function<ProvinceReport, List<E>> of) {
        return reports.stream().flatMap(p -> of.apply(p).stream().map(e -> new Entry<>(p, e))).toList();
    }

    /** The header or row, with the as-of column after the period's where asOf is set. */
    private static List<String> withAsOf(boolean asOf, List<String> header) {
        return withAsOf(asOf, null, header);
    }

    private static List<String> withAsOf(boolean asOf, ProvinceReport report, List<String> cells) {
        if (!asOf) {
            return cells;
        }
        List<String> out = new ArrayList<>(cells);
        out.add(0, report == null ? "as_of" : report.asOf);
        return out;
    }

    /**
     * One row per alert: its highest level, its start, its end once closed, and the message of its
     * last change (Chinese, then English). A station alert's place is its county key and the station.
     */
    private static List<AlertEvent> alerts(List<AlertEvent> events) {
        Map<String, AlertEvent> last = new LinkedHashMap<>();
        events.forEach(e -> last.merge(e.id(), e, (a, b) -> b.at() >= a.at() ? b : a));
        List<AlertEvent> out = new ArrayList<>(last.values());
        out.sort(Comparator.comparingLong(AlertEvent::start).thenComparing(AlertEvent::type)
                .thenComparing(AlertEvent::place).thenComparing(AlertEvent::id));
        return out;
    }

    private List<String> alert(AlertEvent e) {
        return List.of(e.id(), e.type(), e.levelName() == null ? Integer.toString(e.level()) : e.levelName(),
                e.station() == null ? e.place() : e.place() + "/" + e.station(), rows.time(e.start()),
                e.end() == null ? "" : rows.time(e.end()), e.messageZh() + " " + e.messageEn());
    }

    private List<String> period(PeriodValue v) {
        List<String> row = new ArrayList<>(List.of(v.placeKey(), v.period));
        for (Pollutant p : PERIOD_COLUMNS) {
            row.add(reported(p, v.value(p)));
        }
        row.addAll(List.of(v.composite == null ? "" : num(v.composite),
                Integer.toString(v.validDays), Boolean.toString(v.valid), v.asOf, text(v.compositeLastYear),
                text(v.compositeChange), reported(Pollutant.PM25, v.pm25LastYearValue()), text(v.pm25Change),
                Integer.toString(v.goodDays), Integer.toString(v.overDays)));
        return row;
    }

    /** The period table's concentration columns: so2, no2, pm10, pm25, co_p95, o3_8h_p90. */
    private static final List<Pollutant> PERIOD_COLUMNS =
            List.of(Pollutant.SO2, Pollutant.NO2, Pollutant.PM10, Pollutant.PM25, Pollutant.CO, Pollutant.O3);

    /** Per key, the version as of the latest day (and, for that day, the last one delivered). */
    private static <T> List<T> latestAsOf(List<T> rows, Function<T, String> key, Function<T, String> asOf,
            Comparator<T> order) {
        Map<String, T> last = new LinkedHashMap<>();
        for (T v : rows) {
            T seen = last.get(key.apply(v));
            if (seen == null || asOf.apply(v).compareTo(asOf.apply(seen)) >= 0) {
                last.put(key.apply(v), v);
            }
        }
        List<T> out = new ArrayList<>(last.values());
        out.sort(order);
        return out;
    }

    private static <T> int table(Path file, List<String> header, List<T> rows, Function<T, List<String>> row)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(w);
            csv.writeRow(header);
            for (T v : rows) {
                csv.writeRow(row.apply(v));
            }
            csv.flush();
        }
        return rows.size();
    }

    /** A table of the rows its part files hold ({@link CsvParts}). */
    private static int mergedTable(Path file, List<String> header, Path parts, String table) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            new CsvWriter(w).writeRow(header);
            w.flush();
            return CsvParts.merge(parts, table, out);
        }
    }

    private static long lineOf(String origin) {
        try {
            return origin.startsWith("line ") ? Long.parseLong(origin.substring(5)) : Long.MAX_VALUE;
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
