package org.airindex.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Rounding;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.domain.province.MoneyEntry;
import org.airindex.domain.province.RankingEntry;
import org.airindex.io.csv.CsvWriter;
import org.airindex.jobs.CollectedOutputs.Results;
import org.airindex.records.DailyValue;
import org.airindex.records.DeadLetter;
import org.airindex.records.HourlyValue;
import org.airindex.records.PeriodValue;
import org.airindex.records.ProvinceReport;

/**
 * The CSV files of {@code replay --out DIR}. A result recomputed during the run appears once, as
 * its last version; period tables hold each period as of its last day in the data. Concentrations
 * are written as the standards report them; an empty cell is a missing value.
 */
final class ReplayTables {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ZoneId zone;

    ReplayTables(ZoneId zone) {
        this.zone = zone;
    }

    /** @return the files written, with their row counts */
    Map<String, Integer> write(Path dir, Results r) throws IOException {
        Files.createDirectories(dir);
        Map<String, Integer> written = new LinkedHashMap<>();
        List<String> hourlyHeader = List.of("place", "time", "so2", "no2", "co", "o3", "pm10", "pm25", "aqi", "category",
                "primary");
        for (String level : List.of(HourlyValue.STATION, HourlyValue.COUNTY, HourlyValue.CITY, HourlyValue.PROVINCE)) {
            List<HourlyValue> rows = latest(r.hourly().stream().filter(v -> v.level.equals(level)).toList(),
                    v -> v.placeKey() + "@" + v.hourEnd, Comparator.comparing(HourlyValue::placeKey)
                            .thenComparingLong(v -> v.hourEnd));
            written.put(level + "_hourly.csv", table(dir.resolve(level + "_hourly.csv"), hourlyHeader, rows, this::hourly));
        }
        List<String> dailyHeader = List.of("place", "date", "so2", "no2", "co", "pm10", "pm25", "o3_8h_max", "o3_1h_max",
                "aqi", "category", "primary", "valid");
        for (String level : List.of(HourlyValue.STATION, HourlyValue.COUNTY, HourlyValue.CITY, HourlyValue.PROVINCE)) {
            List<DailyValue> rows = latest(r.daily().stream().filter(v -> v.level.equals(level)).toList(),
                    v -> v.placeKey() + "@" + v.date, Comparator.comparing(DailyValue::placeKey)
                            .thenComparing(v -> v.date));
            written.put(level + "_daily.csv", table(dir.resolve(level + "_daily.csv"), dailyHeader, rows, this::daily));
        }
        List<String> periodHeader = List.of("place", "period", "so2", "no2", "pm10", "pm25", "co_p95", "o3_8h_p90",
                "composite", "valid_days", "valid", "as_of", "composite_last_year", "composite_change", "pm25_last_year",
                "pm25_change", "good_days", "over_days");
        for (String level : List.of(HourlyValue.COUNTY, HourlyValue.CITY, HourlyValue.PROVINCE)) {
            List<PeriodValue> rows = latestAsOf(r.periods().stream().filter(v -> v.level.equals(level)).toList(),
                    v -> v.placeKey() + "@" + v.period, v -> v.asOf, Comparator.comparing(PeriodValue::placeKey)
                            .thenComparing(v -> v.kind).thenComparing(v -> v.period));
            written.put(level + "_period.csv", table(dir.resolve(level + "_period.csv"), periodHeader, rows, this::period));
        }
        List<ProvinceReport> reports = latestAsOf(r.province(), p -> p.province + "@" + p.kind + "@" + p.period,
                p -> p.asOf, Comparator.comparing((ProvinceReport p) -> p.province).thenComparing(p -> p.kind)
                        .thenComparing(p -> p.period));
        List<RankingEntry> rankings = reports.stream().flatMap(p -> p.rankings.stream()).toList();
        written.put("ranking.csv", table(dir.resolve("ranking.csv"),
                List.of("province", "period", "metric", "rank", "place", "value", "bottom_of"), rankings, e -> List.of(
                        e.province(), e.period(), e.metric(), Integer.toString(e.rank()), e.place(), num(e.value()),
                        e.bottomOf() == null ? "" : e.bottomOf().toString())));
        List<MoneyEntry> money = reports.stream().flatMap(p -> p.money.stream()).toList();
        written.put("money.csv", table(dir.resolve("money.csv"),
                List.of("place", "period", "indicator", "comparison", "amount_cny", "illustrative"), money, m -> List.of(
                        m.place(), m.period(), m.indicator(), m.comparison(), num(m.amountCny()),
                        Boolean.toString(m.illustrative()))));
        List<DeadLetter> dead = new ArrayList<>(r.deadLetters());
        dead.sort(Comparator.comparingLong(d -> lineOf(d.origin)));
        written.put("dead_letter.csv", table(dir.resolve("dead_letter.csv"), List.of("line", "reason", "record"), dead,
                d -> List.of(d.origin.startsWith("line ") ? d.origin.substring(5) : d.origin, d.reason, d.record)));
        written.put("alerts.csv", table(dir.resolve("alerts.csv"),
                List.of("id", "type", "level", "place", "start", "end", "message"), alerts(r.alerts()), this::alert));
        return written;
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
                e.station() == null ? e.place() : e.place() + "/" + e.station(), time(e.start()),
                e.end() == null ? "" : time(e.end()), e.messageZh() + " " + e.messageEn());
    }

    private String time(long epochMs) {
        return Instant.ofEpochMilli(epochMs).atZone(zone).toOffsetDateTime().format(TIME);
    }

    private List<String> hourly(HourlyValue v) {
        List<String> row = new ArrayList<>(List.of(v.placeKey(),
                Instant.ofEpochMilli(v.hourEnd).atZone(zone).toOffsetDateTime().format(TIME)));
        for (Pollutant p : List.of(Pollutant.SO2, Pollutant.NO2, Pollutant.CO, Pollutant.O3, Pollutant.PM10,
                Pollutant.PM25)) {
            row.add(reported(p, v.get(p)));
        }
        row.addAll(List.of(text(v.aqi), text(v.category), text(v.primary)));
        return row;
    }

    private List<String> daily(DailyValue v) {
        List<String> row = new ArrayList<>(List.of(v.placeKey(), v.date));
        for (Pollutant p : List.of(Pollutant.SO2, Pollutant.NO2, Pollutant.CO, Pollutant.PM10, Pollutant.PM25)) {
            row.add(reported(p, v.get(p)));
        }
        row.addAll(List.of(reported(Pollutant.O3, v.o3), reported(Pollutant.O3, v.o3OneHourMax),
                text(v.aqi), text(v.category), text(v.primary), Boolean.toString(v.valid)));
        return row;
    }

    private List<String> period(PeriodValue v) {
        return List.of(v.placeKey(), v.period, reported(Pollutant.SO2, v.so2), reported(Pollutant.NO2, v.no2),
                reported(Pollutant.PM10, v.pm10), reported(Pollutant.PM25, v.pm25), reported(Pollutant.CO, v.coP95),
                reported(Pollutant.O3, v.o3P90), v.composite == null ? "" : num(v.composite),
                Integer.toString(v.validDays), Boolean.toString(v.valid), v.asOf, text(v.compositeLastYear),
                text(v.compositeChange), reported(Pollutant.PM25, v.pm25LastYear), text(v.pm25Change),
                Integer.toString(v.goodDays), Integer.toString(v.overDays));
    }

    /** The last version of each result (by key), sorted. */
    private static <T> List<T> latest(List<T> rows, Function<T, String> key, Comparator<T> order) {
        Map<String, T> last = new LinkedHashMap<>();
        rows.forEach(v -> last.put(key.apply(v), v));
        List<T> out = new ArrayList<>(last.values());
        out.sort(order);
        return out;
    }

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

    private static long lineOf(String origin) {
        try {
            return origin.startsWith("line ") ? Long.parseLong(origin.substring(5)) : Long.MAX_VALUE;
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String reported(Pollutant p, Double v) {
        return v == null ? "" : Rounding.report(p, v).toPlainString();
    }

    private static String num(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }
}
