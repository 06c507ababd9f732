package org.airindex.reports;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.airindex.domain.PeriodValues;
import org.airindex.domain.province.ProvinceComparison;
import org.airindex.io.influx.InfluxQl;
import org.airindex.io.influx.Series;

/**
 * The results the job wrote to InfluxDB, read with InfluxQL (1.x, or 2.x through its 1.x query API with the
 * bucket mapped to a database of the same name). Every point of a period or report is a version as of its
 * day: its timestamp is the end of that day, so the day is the one the second before it falls in. A report
 * reads the versions of the days it can need ({@link #forReportOn}), not every version the job ever wrote.
 */
public final class InfluxResults implements Results {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /**
     * How far back before its last day a report reads: a day's same day last year, a year to date, a week's or
     * a month's ranks before it, and a margin of a month for a version that is not of the day itself.
     */
    private static final Period REPORT_REACH = Period.ofYears(1).plusDays(31);

    private final InfluxQl influx;
    private final ZoneId zone;
    /** A condition on the time of the points of days, or empty for every point. */
    private final String days;

    public InfluxResults(InfluxQl influx, ZoneId zone) {
        this(influx, zone, "");
    }

    private InfluxResults(InfluxQl influx, ZoneId zone, String days) {
        this.influx = influx;
        this.zone = zone;
        this.days = days;
    }

    /**
     * The results a report whose last day is {@code lastDay} reads: the versions of the days up to it, back
     * {@link #REPORT_REACH}; alerts whenever they started (one still open may have started long before).
     */
    public InfluxResults forReportOn(LocalDate lastDay) {
        // A day's points are stamped at its end: the start of the next day.
        long from = lastDay.minus(REPORT_REACH).plusDays(1).atStartOfDay(zone).toEpochSecond();
        long to = lastDay.plusDays(1).atStartOfDay(zone).toEpochSecond();
        return new InfluxResults(influx, zone, " WHERE time >= " + from + "s AND time <= " + to + "s");
    }

    @Override
    public List<PlacePeriod> periods(String level) {
        return rows(level + "_period", (tags, r) -> new PlacePeriod(place(tags), tags.get("period"), day(r),
                num(r, "pm25"), num(r, "composite"), integer(r, "valid_days"), flag(r, "valid"),
                num(r, "composite_last_year"), num(r, "composite_change"), num(r, "pm25_last_year"),
                num(r, "pm25_change"), PeriodValues.of(num(r, "so2"), num(r, "no2"), num(r, "pm10"), num(r, "pm25"),
                        num(r, "co_p95"), num(r, "o3_8h_p90"))));
    }

    @Override
    public List<Average> averages() {
        return rows("province_average", (tags, r) -> new Average(tags.get("province"), tags.get("kind"),
                tags.get("period"), day(r), num(r, "composite"), num(r, "pm25"), num(r, "composite_change"),
                num(r, "pm25_change"), integer(r, "places")));
    }

    @Override
    public List<Rank> rankings() {
        // bottom_of 0 stands for none: a field cannot be null in line protocol.
        return rows("ranking", (tags, r) -> new Rank(tags.get("province"), tags.get("period"), day(r),
                tags.get("metric"), integer(r, "rank"), place(tags), num(r, "value"),
                integer(r, "bottom_of") == 0 ? null : integer(r, "bottom_of")));
    }

    @Override
    public List<Gap> gaps() {
        return rows("gap", (tags, r) -> new Gap(place(tags), tags.get("period"), day(r), tags.get("indicator"),
                tags.get("target"), num(r, "current"), num(r, "target_value"), num(r, "reduction"),
                num(r, "daily_needed")));
    }

    @Override
    public List<Money> money() {
        return rows("money", (tags, r) -> new Money(place(tags), tags.get("period"), day(r), tags.get("indicator"),
                tags.get("comparison"), Math.round(num(r, "amount_cny")), flag(r, "illustrative")));
    }

    @Override
    public List<Note> notes() {
        return rows("settlement_note", (tags, r) -> new Note(place(tags), tags.get("kind"), tags.get("period"), day(r),
                tags.get("reason"), text(r, "detail")));
    }

    @Override
    public List<Contribution> contributions() {
        return rows("contribution", (tags, r) -> new Contribution(place(tags), tags.get("station"), tags.get("period"),
                day(r), tags.get("indicator"), num(r, "value"), num(r, "place_value"), num(r, "difference"),
                num(r, "share"), r.get("rank") == null ? null : integer(r, "rank"), integer(r, "stations")));
    }

    @Override
    public List<National> national() {
        return rows("national_estimate", (tags, r) -> new National(place(tags), tags.get("period"), day(r),
                text(r, "table_period"), Integer.parseInt(tags.get("target").substring(ProvinceComparison.LEAVE_BOTTOM.length())),
                num(r, "composite"), integer(r, "rank"), integer(r, "of"), flag(r, "in_bottom"),
                num(r, "needed_composite"), num(r, "reduction"), num(r, "daily_composite"), num(r, "pm25"),
                num(r, "needed_pm25"), num(r, "daily_pm25")));
    }

    @Override
    public List<Day> days(String level) {
        return rows(level + "_daily", (tags, r) -> new Day(place(tags), day(r), num(r, "pm25"),
                r.get("aqi") == null ? null : integer(r, "aqi"), text(r, "category"), text(r, "primary"),
                flag(r, "valid")));
    }

    /** An alert's points are its lifecycle changes: the last one holds its state, its start is the first's. */
    @Override
    public List<Alert> alerts() {
        record Change(long at, Alert alert) {}
        List<Change> changes = rows("alert", "", (tags, r) -> {
            String place = place(tags) + (tags.containsKey("station") && !tags.get("station").isEmpty()
                    ? "/" + tags.get("station") : "");
            Number end = (Number) r.get("end");
            return new Change(((Number) r.get("time")).longValue(), new Alert((String) r.get("id"), tags.get("type"),
                    tags.get("level"), place, local(((Number) r.get("start")).longValue()),
                    end == null ? "" : local(end.longValue()), text(r, "message_zh") + " " + text(r, "message_en")));
        });
        Map<String, Change> last = new HashMap<>();
        changes.forEach(c -> last.merge(c.alert().id(), c, (a, b) -> b.at() >= a.at() ? b : a));
        return last.values().stream().map(Change::alert)
                .sorted(Comparator.comparing(Alert::start).thenComparing(Alert::id)).toList();
    }

    private <T> List<T> rows(String measurement, BiFunction<Map<String, String>, Map<String, Object>, T> as) {
        return rows(measurement, days, as);
    }

    private <T> List<T> rows(String measurement, String where,
            BiFunction<Map<String, String>, Map<String, Object>, T> as) {
        List<Series> series;
        try {
            series = influx.query("SELECT * FROM " + InfluxQl.identifier(measurement) + where + " GROUP BY *");
        } catch (IOException e) {
            throw new ResultsException("cannot read " + measurement + " from InfluxDB: " + e.getMessage());
        }
        List<T> out = new ArrayList<>();
        for (Series s : series) {
            for (Map<String, Object> r : s.rows()) {
                try {
                    out.add(as.apply(s.tags(), r));
                } catch (ClassCastException | NullPointerException e) {
                    // A point another writer left, with a field of another type or a tag missing.
                    throw new ResultsException("InfluxDB " + measurement + " " + s.tags() + " holds a point this job "
                            + "did not write: " + r);
                }
            }
        }
        return out;
    }

    /** The place key of a point's tags: province/city/county as far as they go. */
    private static String place(Map<String, String> tags) {
        StringBuilder key = new StringBuilder(tags.get("province"));
        for (String level : List.of("city", "county")) {
            String v = tags.get(level);
            if (v == null || v.isEmpty()) {
                break;
            }
            key.append('/').append(v);
        }
        return key.toString();
    }

    /** The local day a point is as of: its time (seconds) is that day's end. */
    private String day(Map<String, Object> r) {
        return Instant.ofEpochSecond(((Number) r.get("time")).longValue() - 1).atZone(zone).toLocalDate().toString();
    }

    private String local(long epochSeconds) {
        return LOCAL.format(Instant.ofEpochSecond(epochSeconds).atZone(zone).toOffsetDateTime());
    }

    private static Double num(Map<String, Object> r, String field) {
        Object v = r.get(field);
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static int integer(Map<String, Object> r, String field) {
        Object v = r.get(field);
        return v == null ? 0 : ((Number) v).intValue();
    }

    private static boolean flag(Map<String, Object> r, String field) {
        return Boolean.TRUE.equals(r.get(field));
    }

    private static String text(Map<String, Object> r, String field) {
        Object v = r.get(field);
        return v == null ? "" : v.toString();
    }
}
