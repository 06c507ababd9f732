package org.airindex.local;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.airindex.io.influx.InfluxQl;
import org.airindex.io.influx.Series;

/**
 * The local run's closing summary, read back from what the job wrote to InfluxDB (never computed
 * on the side): latest county hours, the county ranking with money and gaps, the alerts raised.
 */
final class LocalSummary {
    private final InfluxQl influx;
    private final ZoneId zone;
    private final PrintStream out;

    LocalSummary(InfluxQl influx, ZoneId zone, PrintStream out) {
        this.influx = influx;
        this.zone = zone;
        this.out = out;
    }

    void latestCountyHours() throws IOException {
        List<Series> latest = influx.query("SELECT \"aqi\",\"category\",\"primary\",\"pm25\",\"stations\" "
                + "FROM \"county_hourly\" GROUP BY \"city\",\"county\" ORDER BY time DESC LIMIT 1");
        out.println("Latest hourly AQI per county (measurement county_hourly):");
        int[] widths = {8, 10, 18, 5, 10, 10, 6, 8};
        out.println(Table.row(List.of("city", "county", "hour end", "AQI", "category", "primary", "PM2.5", "stations"),
                widths));
        List<List<String>> rows = new ArrayList<>();
        for (Series s : latest) {
            Map<String, Object> r = s.rows().get(0);
            rows.add(List.of(s.tags().get("city"), s.tags().get("county"), localTime(r.get("time")),
                    Table.text(r.get("aqi")), Table.text(r.get("category")), Table.text(r.get("primary")),
                    Table.text(r.get("pm25")), Table.text(r.get("stations"))));
        }
        rows.sort((a, b) -> (a.get(0) + a.get(1)).compareTo(b.get(0) + b.get(1)));
        rows.forEach(r -> out.println(Table.row(r, widths)));
        out.println(rows.size() + " counties");
    }

    /**
     * The province's ranking for the newest month as of the last day the job closed and, when the data
     * reach back into the month before, that month's as of its last day (the final settlement once the
     * month is complete). On the first days of a month the new month has little or nothing settled yet;
     * the month just ended is what an analyst needs beside it.
     */
    void rankings() throws IOException {
        List<Series> months = influx.query("SELECT last(\"composite\") FROM \"province_average\" WHERE \"kind\"='month' "
                + "GROUP BY \"period\"");
        if (months.isEmpty()) {
            out.println("\nNo provincial comparison was written (no complete day yet).");
            return;
        }
        TreeMap<String, Long> asOf = new TreeMap<>();
        for (Series s : months) {
            asOf.put(s.tags().get("period"), (long) num(s.rows().get(0).get("time")));
        }
        Map.Entry<String, Long> newest = asOf.lastEntry();
        Map.Entry<String, Long> before = asOf.lowerEntry(newest.getKey());
        if (before != null) {
            ranking(before.getKey(), before.getValue());
        }
        ranking(newest.getKey(), newest.getValue());
        out.println("cut = reduction needed to beat the provincial average; PM2.5/day = average daily PM2.5 the "
                + "rest of the month must stay under to get there; money: + reward, − penalty (month-to-date "
                + "estimate; illustrative coefficients are marked in conf/schemes)");
    }

    private void ranking(String period, long time) throws IOException {
        List<Series> avg = influx.query("SELECT * FROM \"province_average\" WHERE \"kind\"='month' AND \"period\"="
                + InfluxQl.literal(period) + " AND time=" + time + "s");
        Map<String, Object> a = avg.get(0).rows().get(0);
        String at = "\"period\"=" + InfluxQl.literal(period) + " AND time=" + time + "s";
        Map<String, Map<String, Object>> byCounty = new TreeMap<>();
        for (Series s : influx.query("SELECT \"composite\",\"pm25\",\"composite_change\",\"pm25_change\" FROM "
                + "\"county_period\" WHERE \"kind\"='month' AND " + at + " GROUP BY \"city\",\"county\"")) {
            byCounty.computeIfAbsent(place(s), k -> new HashMap<>()).putAll(s.rows().get(0));
        }
        for (Series s : influx.query("SELECT \"rank\",\"bottom_of\" FROM \"ranking\" WHERE \"kind\"='month' AND "
                + "\"metric\"='composite' AND " + at + " GROUP BY \"city\",\"county\"")) {
            byCounty.computeIfAbsent(place(s), k -> new HashMap<>()).putAll(s.rows().get(0));
        }
        for (Series s : influx.query("SELECT sum(\"amount_wan\") AS \"money\" FROM \"money\" WHERE " + at
                + " GROUP BY \"city\",\"county\"")) {
            byCounty.computeIfAbsent(place(s), k -> new HashMap<>()).put("money", s.rows().get(0).get("money"));
        }
        for (Series s : influx.query("SELECT \"reduction\",\"daily_needed\" FROM \"gap\" WHERE \"kind\"='month' AND "
                + "\"target\"='provincial_average' AND " + at + " GROUP BY \"city\",\"county\",\"indicator\"")) {
            Map<String, Object> r = s.rows().get(0);
            Map<String, Object> c = byCounty.computeIfAbsent(place(s), k -> new HashMap<>());
            c.put("gap_" + s.tags().get("indicator"), r.get("reduction"));
            c.put("need_" + s.tags().get("indicator"), r.get("daily_needed"));
        }
        // Period points are stamped with the end of their as-of day: the second before is that day.
        LocalDate day = LocalDate.parse(localTime(time - 1).substring(0, 10));
        boolean complete = day.equals(YearMonth.parse(period).atEndOfMonth());
        out.printf("%nCounty ranking, %s to %s, %s (measurements ranking, county_period, money, gap):%n", period, day,
                complete ? "the month's final settlement" : "month to date");
        out.printf("provincial average: composite index %s, PM2.5 %s µg/m³; average improvement rate %s%% / %s%%%n",
                Table.text(round(a.get("composite"), 2)), Table.text(round(a.get("pm25"), 1)),
                Table.text(round(a.get("composite_change"), 1)), Table.text(round(a.get("pm25_change"), 1)));
        for (Series s : influx.query("SELECT count(\"ranked\") AS \"places\" FROM \"settlement_note\" WHERE \"kind\"='month' AND "
                + at + " GROUP BY \"reason\"")) {
            out.printf("settlement notes (measurement settlement_note): %s counties %s%n", Table.text(s.rows().get(0).get("places")),
                    s.tags().get("reason").equals("invalid_period") ? "left out: too few valid days for a valid month (HJ 663)"
                            : "without data on the day, ranked on the month so far");
        }
        int[] widths = {4, 8, 10, 9, 5, 9, 8, 9, 9, 10, 12};
        out.println(Table.row(List.of("rank", "city", "county", "composite", "PM2.5", "change %", "bottom",
                "money 万元", "cut index", "cut PM2.5", "PM2.5/day"), widths));
        List<Map.Entry<String, Map<String, Object>>> rows = new ArrayList<>(byCounty.entrySet());
        rows.sort((x, y) -> Double.compare(num(x.getValue().get("rank")), num(y.getValue().get("rank"))));
        for (Map.Entry<String, Map<String, Object>> e : rows) {
            Map<String, Object> c = e.getValue();
            String[] place = e.getKey().split("/");
            Object bottom = c.get("bottom_of");
            out.println(Table.row(List.of(Table.text(c.get("rank")), place[0], place[1], Table.text(c.get("composite")),
                    Table.text(round(c.get("pm25"), 0)), Table.text(c.get("composite_change")),
                    bottom == null || num(bottom) == 0 ? "" : "后" + Table.text(bottom),
                    Table.text(round(c.get("money"), 1)), Table.text(round(c.get("gap_composite"), 2)),
                    Table.text(round(c.get("gap_pm25"), 1)), neededDaily(c.get("gap_pm25"), c.get("need_pm25"))),
                    widths));
        }
    }

    void alerts() throws IOException {
        List<Series> opened = influx.query("SELECT \"title\",\"message_zh\" FROM \"alert\" WHERE \"phase\"='open' "
                + "GROUP BY \"type\"");
        Map<String, Integer> changes = new TreeMap<>();
        for (Series s : influx.query("SELECT count(\"id\") FROM \"alert\" GROUP BY \"type\",\"phase\"")) {
            changes.put(s.tags().get("type") + " " + s.tags().get("phase"),
                    (int) num(s.rows().get(0).get("count")));
        }
        out.printf("%nAlerts raised (measurement alert; also on the Kafka alerts topic): %s%n", changes);
        for (Series s : opened) {
            List<Map<String, Object>> rows = s.rows();
            out.printf("  %s: %d opened, e.g. %s%n", s.tags().get("type"), rows.size(),
                    rows.get(rows.size() - 1).get("message_zh"));
        }
    }

    private static String neededDaily(Object reduction, Object dailyNeeded) {
        if (reduction == null || num(reduction) <= 0 || dailyNeeded == null) {
            return "-";
        }
        return num(dailyNeeded) < 0 ? "out of reach" : Table.text(round(dailyNeeded, 1));
    }

    private static String place(Series s) {
        return s.tags().get("city") + "/" + s.tags().get("county");
    }

    private String localTime(Object epochSeconds) {
        return Instant.ofEpochSecond((long) num(epochSeconds)).atZone(zone).toLocalDateTime().toString();
    }

    private static Object round(Object v, int decimals) {
        return v == null ? null : java.math.BigDecimal.valueOf(num(v)).setScale(decimals,
                java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static double num(Object v) {
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }
}
