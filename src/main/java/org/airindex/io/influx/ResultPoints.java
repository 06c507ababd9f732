package org.airindex.io.influx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.airindex.domain.Category;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Rounding;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.domain.province.ContributionEntry;
import org.airindex.domain.province.GapEntry;
import org.airindex.domain.province.MoneyEntry;
import org.airindex.domain.province.NationalEstimate;
import org.airindex.domain.province.ProvinceComparison;
import org.airindex.domain.province.RankingEntry;
import org.airindex.domain.province.SettlementNote;
import org.airindex.domain.province.WhatIfEntry;
import org.airindex.records.DailyValue;
import org.airindex.records.HourlyValue;
import org.airindex.records.NationalStanding;
import org.airindex.records.PeriodValue;
import org.airindex.records.ProvinceReport;

/**
 * How results map onto InfluxDB points (the README lists every measurement). Tags name the place
 * (and the period, metric or comparison), the timestamp is the end of the window — hour, day, or
 * the day a period-to-date value is as of — so a recomputed result overwrites its earlier point.
 * Concentrations are written as the standards report them (µg/m³ integers, CO one decimal).
 */
public final class ResultPoints {
    private ResultPoints() {}

    public static ResultLines hourly(HourlyValue v) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (Pollutant p : Pollutant.values()) {
            f.put(p.code(), Rounding.reported(p, v.value(p)));
        }
        f.put("stations", v.stations);
        f.put("rules", v.rules);
        f.put("over_range", v.overRange);
        aqi(f, v.aqi, v.category, v.primary);
        f.put("iaqi_so2", v.iaqiSo2);
        f.put("iaqi_no2", v.iaqiNo2);
        f.put("iaqi_co", v.iaqiCo);
        f.put("iaqi_o3", v.iaqiO3);
        f.put("iaqi_pm10", v.iaqiPm10);
        f.put("iaqi_pm25", v.iaqiPm25);
        return single(v.level + "_hourly", place(v.province, v.city, v.county, v.station), f, v.hourEnd);
    }

    public static ResultLines daily(DailyValue v) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (Pollutant p : new Pollutant[] {Pollutant.SO2, Pollutant.NO2, Pollutant.CO, Pollutant.PM10, Pollutant.PM25}) {
            f.put(p.code(), Rounding.reported(p, v.value(p)));
        }
        f.put("o3_8h_max", Rounding.reported(Pollutant.O3, v.value(Pollutant.O3)));
        f.put("o3_1h_max", Rounding.reported(Pollutant.O3, v.o3OneHourMaxValue()));
        f.put("valid", v.valid);
        f.put("stations", v.stations);
        f.put("rules", v.rules);
        aqi(f, v.aqi, v.category, v.primary);
        f.put("iaqi_so2", v.iaqiSo2);
        f.put("iaqi_no2", v.iaqiNo2);
        f.put("iaqi_co", v.iaqiCo);
        f.put("iaqi_o3", v.iaqiO3);
        f.put("iaqi_o3_1h", v.iaqiO3OneHour);
        f.put("iaqi_pm10", v.iaqiPm10);
        f.put("iaqi_pm25", v.iaqiPm25);
        return single(v.level + "_daily", place(v.province, v.city, v.county, v.station), f, v.dayEnd);
    }

    public static ResultLines period(PeriodValue v) {
        Map<String, String> tags = place(v.province, v.city, v.county, null);
        tags.put("kind", v.kind);
        tags.put("period", v.period);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("so2", Rounding.reported(Pollutant.SO2, v.value(Pollutant.SO2)));
        f.put("no2", Rounding.reported(Pollutant.NO2, v.value(Pollutant.NO2)));
        f.put("pm10", Rounding.reported(Pollutant.PM10, v.value(Pollutant.PM10)));
        f.put("pm25", Rounding.reported(Pollutant.PM25, v.value(Pollutant.PM25)));
        f.put("co_p95", Rounding.reported(Pollutant.CO, v.value(Pollutant.CO)));
        f.put("o3_8h_p90", Rounding.reported(Pollutant.O3, v.value(Pollutant.O3)));
        f.put("composite", v.composite);
        f.put("share_so2", v.shareSo2);
        f.put("share_no2", v.shareNo2);
        f.put("share_pm10", v.sharePm10);
        f.put("share_pm25", v.sharePm25);
        f.put("share_co", v.shareCo);
        f.put("share_o3", v.shareO3);
        f.put("largest", v.largest);
        f.put("valid_days", v.validDays);
        f.put("valid", v.valid);
        f.put("days_so_far", v.daysSoFar);
        f.put("days_in_period", v.daysInPeriod);
        f.put("good_days", v.goodDays);
        f.put("over_days", v.overDays);
        f.put("rules", v.rules);
        f.put("composite_last_year", v.compositeLastYear);
        f.put("pm25_last_year", Rounding.reported(Pollutant.PM25, v.pm25LastYearValue()));
        f.put("composite_change", v.compositeChange);
        f.put("pm25_change", v.pm25Change);
        f.put("baseline", v.baseline);
        return single(v.level + "_period", tags, f, v.asOfEnd);
    }

    /**
     * Rankings, gaps, money, what-ifs, station contributions, the provincial averages and the settlement notes of
     * one report; a recomputed report replaces all of them (of the province and period at that time), not only
     * those it writes again.
     */
    public static ResultLines province(ProvinceReport r) {
        List<String> lines = new ArrayList<>();
        Map<String, String> avgTags = new LinkedHashMap<>();
        avgTags.put("province", r.province);
        avgTags.put("kind", r.kind);
        avgTags.put("period", r.period);
        Map<String, Object> avg = new LinkedHashMap<>();
        avg.put("composite", r.averages.composite());
        avg.put("pm25", r.averages.pm25());
        avg.put("composite_change", r.averages.compositeChange());
        avg.put("pm25_change", r.averages.pm25Change());
        avg.put("places", r.averages.places());
        lines.addAll(point("province_average", avgTags, avg, r.asOfEnd));
        for (RankingEntry e : r.rankings) {
            Map<String, String> tags = reportTags(e.place(), r);
            tags.put("metric", e.metric());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("rank", e.rank());
            f.put("value", e.value());
            f.put("of", e.of());
            f.put("bottom_of", e.bottomOf() == null ? 0 : e.bottomOf());
            lines.addAll(point("ranking", tags, f, r.asOfEnd));
        }
        for (GapEntry g : r.gaps) {
            Map<String, String> tags = reportTags(g.place(), r);
            tags.put("indicator", g.indicator());
            tags.put("target", g.target());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("current", g.current());
            f.put("target_value", g.targetValue());
            f.put("reduction", g.reduction());
            f.put("daily_needed", g.dailyNeeded());
            lines.addAll(point("gap", tags, f, r.asOfEnd));
        }
        for (MoneyEntry m : r.money) {
            Map<String, String> tags = placeKey(m.place());
            tags.put("period", r.period);
            tags.put("indicator", m.indicator());
            tags.put("comparison", m.comparison());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("amount_cny", m.amountCny());
            f.put("amount_wan", m.amountWan());
            f.put("illustrative", m.illustrative());
            lines.addAll(point("money", tags, f, r.asOfEnd));
        }
        for (WhatIfEntry w : r.whatIf) {
            Map<String, String> tags = placeKey(w.place());
            tags.put("period", r.period);
            tags.put("cut", BigDecimal.valueOf(w.cut()).stripTrailingZeros().toPlainString());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("days", w.days());
            f.put("pm25", w.pm25());
            f.put("composite", w.composite());
            f.put("composite_rank", w.compositeRank());
            f.put("pm25_rank", w.pm25Rank());
            f.put("of", w.of());
            f.put("bottom_of", w.bottomOf() == null ? 0 : w.bottomOf());
            f.put("total_now_cny", w.totalNow());
            f.put("total_then_cny", w.totalThen());
            lines.addAll(point("whatif", tags, f, r.asOfEnd));
        }
        for (ContributionEntry c : r.contributions) {
            Map<String, String> tags = placeKey(c.place());
            tags.put("station", c.station());
            tags.put("indicator", c.indicator());
            tags.put("period", r.period);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("value", c.value());
            f.put("place_value", c.placeValue());
            f.put("difference", c.difference());
            f.put("share", c.share());
            f.put("rank", c.rank());
            f.put("stations", c.stations());
            lines.addAll(point("contribution", tags, f, r.asOfEnd));
        }
        for (SettlementNote n : r.notes) {
            Map<String, String> tags = reportTags(n.place(), r);
            tags.put("reason", n.reason());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("detail", n.detail());
            f.put("ranked", n.ranked());
            lines.addAll(point("settlement_note", tags, f, r.asOfEnd));
        }
        Map<String, String> report = new LinkedHashMap<>();
        report.put("province", r.province);
        report.put("period", r.period);
        // Money, what-ifs and contributions are tagged without the period kind; the period alone names them.
        List<Replace> replaces = new ArrayList<>();
        for (String m : List.of("money", "whatif", "contribution")) {
            replaces.add(new Replace(m, report, r.asOfEnd / 1000));
        }
        report.put("kind", r.kind);
        for (String m : List.of("province_average", "ranking", "gap", "settlement_note")) {
            replaces.add(new Replace(m, report, r.asOfEnd / 1000));
        }
        return new ResultLines(lines, replaces, r.asOfEnd);
    }

    /** A place's tags in a province report: the place, the period kind and the period. */
    private static Map<String, String> reportTags(String place, ProvinceReport r) {
        Map<String, String> tags = placeKey(place);
        tags.put("kind", r.kind);
        tags.put("period", r.period);
        return tags;
    }

    /**
     * A city's national estimate for one bottom N, as of its day; tagged by the target, so the exits of the
     * bottom 10 and 20 are two series. The assumption travels with every point.
     */
    public static ResultLines national(NationalStanding s) {
        Map<String, String> tags = place(s.province, s.city, null, null);
        tags.put("period", s.period);
        tags.put("target", ProvinceComparison.LEAVE_BOTTOM + s.n);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("table_period", s.tablePeriod);
        f.put("composite", s.composite);
        f.put("rank", s.rank);
        f.put("of", s.of);
        f.put("in_bottom", s.inBottom);
        f.put("needed_composite", s.neededComposite);
        f.put("reduction", s.reduction);
        f.put("daily_composite", s.dailyComposite);
        f.put("pm25", s.pm25);
        f.put("needed_pm25", s.neededPm25);
        f.put("daily_pm25", s.dailyPm25);
        f.put("assumption", NationalEstimate.ASSUMPTION + " (" + s.tablePeriod + ")");
        return single("national_estimate", tags, f, s.asOfEnd);
    }

    /**
     * One point per lifecycle change, usable as a Grafana annotation: time = the change's event time,
     * {@code title} and the messages as text, the tags to filter by. Phase is a tag, so an alert's
     * open and close at the same second are two points; a replay rewrites the same points.
     */
    public static ResultLines alert(AlertEvent e) {
        Map<String, String> tags = placeKey(e.place());
        if (e.station() != null) {
            tags.put("station", e.station());
        }
        tags.put("type", e.type());
        tags.put("level", e.levelName() == null ? Integer.toString(e.level()) : e.levelName());
        tags.put("phase", e.phase());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", e.id());
        f.put("title", e.type() + " " + tags.get("level") + " " + e.phase() + ": " + e.place()
                + (e.station() == null ? "" : " " + e.station()));
        f.put("level_number", e.level());
        // Seconds, as every time this job writes (the points' own timestamps are seconds too).
        f.put("start", e.start() / 1000);
        f.put("end", e.end() == null ? null : e.end() / 1000);
        f.put("values", e.values());
        f.put("message_zh", e.messageZh());
        f.put("message_en", e.messageEn());
        // An event is never recomputed: each lifecycle change is a point of its own.
        return new ResultLines(point("alert", tags, f, e.at()), List.of(), e.at());
    }

    private static void aqi(Map<String, Object> f, Integer aqi, String category, String primary) {
        f.put("primary", primary == null ? "" : primary);
        if (aqi != null) {
            f.put("aqi", aqi);
            f.put("category", category);
            f.put("category_level", Category.of(aqi).level());
        }
    }


    private static Map<String, String> place(String province, String city, String county, String station) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("province", province);
        if (city != null) {
            tags.put("city", city);
        }
        if (county != null) {
            tags.put("county", county);
        }
        if (station != null) {
            tags.put("station", station);
        }
        return tags;
    }

    /** A place key "province/city/county" (or a shorter one) as tags. */
    static Map<String, String> placeKey(String key) {
        String[] parts = key.split("/", -1);
        return place(parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null, null);
    }

    /** A result of one point, which replaces its own earlier version. */
    private static ResultLines single(String measurement, Map<String, String> tags, Map<String, Object> fields,
            long endMillis) {
        return new ResultLines(point(measurement, tags, fields, endMillis),
                List.of(new Replace(measurement, tags, endMillis / 1000)), endMillis);
    }

    private static List<String> point(String measurement, Map<String, String> tags, Map<String, Object> fields,
            long endMillis) {
        return Lines.line(measurement, tags, fields, endMillis / 1000).map(List::of).orElse(List.of());
    }
}
