package org.airindex.reports;

import static org.airindex.reports.BulletinReport.fixed;
import static org.airindex.reports.BulletinReport.percent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.airindex.domain.ChangeRate;
import org.airindex.reports.Report.Section;
import org.airindex.reports.Results.Alert;
import org.airindex.reports.Results.Day;

/** The daily analysis (日分析) as a report. */
public final class DailyReport {
    private DailyReport() {
    }

    public static Report of(DailyAnalysis a) {
        String title = a.province() + "环境空气质量日分析（" + a.date() + "）";
        List<String> intro = new ArrayList<>();
        Day p = a.provinceDay();
        intro.add(p == null ? "全省当日无日均值。" : "全省：AQI " + text(p.aqi()) + "（" + p.category() + "），首要污染物 "
                + primary(p) + "，PM2.5 " + fixed(p.pm25(), 0) + " μg/m³；去年同日 AQI "
                + (a.provinceLastYear() == null ? "–" : text(a.provinceLastYear().aqi())) + "，PM2.5 "
                + (a.provinceLastYear() == null ? "–" : fixed(a.provinceLastYear().pm25(), 0)) + " μg/m³，PM2.5 同比 "
                + pm25Change(p, a.provinceLastYear()) + "。");
        intro.add("AQI 高于全省的区县 " + a.pullingDown().size() + " 个；当日新开污染预警 " + a.pollution().size()
                + " 条、数据异常提示 " + a.suspiciousData().size() + " 条。");

        List<Section> sections = new ArrayList<>();
        sections.add(new Section("一、各区县空气质量", List.of("名次按当日AQI从小到大，并列同名次；同比为PM2.5较去年同日的变化率。"),
                List.of(new Table("daily-" + a.date(), "各区县 " + a.date(), List.of("名次", "区县", "AQI", "类别",
                        "首要污染物", "PM2.5", "去年同日AQI", "去年同日PM2.5", "PM2.5同比"), a.counties().stream().map(c ->
                        List.of(c.rank() == null ? "–" : c.rank().toString(), a.names().of(c.place()), text(c.day().aqi()),
                                c.day().category(), primary(c.day()), fixed(c.day().pm25(), 0),
                                c.lastYear() == null ? "–" : text(c.lastYear().aqi()),
                                c.lastYear() == null ? "–" : fixed(c.lastYear().pm25(), 0),
                                pm25Change(c.day(), c.lastYear()))).toList())), List.of()));
        sections.add(new Section("二、拉低全省的区县", a.pullingDown().isEmpty()
                ? List.of("无区县的AQI高于全省。") : List.of("AQI高于全省（" + text(p.aqi()) + "）的区县，从最高起。"),
                a.pullingDown().isEmpty() ? List.of() : List.of(new Table("pulling-down-" + a.date(), "拉低全省的区县",
                        List.of("区县", "AQI", "高出全省", "首要污染物", "PM2.5"), a.pullingDown().stream().map(c ->
                                List.of(a.names().of(c.place()), text(c.day().aqi()),
                                        Integer.toString(c.day().aqi() - p.aqi()), primary(c.day()),
                                        fixed(c.day().pm25(), 0))).toList())), List.of()));
        sections.add(new Section("三、各区县与全省平均差距的站点贡献", a.topStations().isEmpty() ? List.of("无站点贡献数据。")
                : List.of("本月截至" + a.date() + "，各区县与全省平均值之差中各站点所占份额最大的" + DailyAnalysis.TOP_STATIONS
                        + "个站点（份额 = (站点值 − 全省平均值) / 各站点之和；份额合计为1，负值表示该站点的作用与区县差距方向相反）。"),
                a.topStations().isEmpty() ? List.of() : List.of(new Table("stations-" + a.date(), "各区县站点贡献",
                        List.of("区县", "指标", "名次", "站点", "站点值", "区县值", "高出区县", "份额"),
                        a.topStations().stream().map(c -> List.of(a.names().of(c.place()), indicator(c.indicator()),
                                c.rank().toString(), c.station(), value(c.indicator(), c.value()),
                                value(c.indicator(), c.placeValue()), value(c.indicator(), c.difference()),
                                share(c.share()))).toList())),
                List.of()));
        sections.add(new Section("四、当日新开预警", List.of(), List.of(alerts("pollution-alerts-" + a.date(), "污染预警",
                a.pollution(), a), alerts("data-alerts-" + a.date(), "数据异常提示", a.suspiciousData(), a)), List.of()));
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("AQI", a.lastDays().stream().map(d -> d.aqi() == null ? null : d.aqi().doubleValue()).toList());
        series.put("PM2.5 (μg/m³)", a.lastDays().stream().map(Day::pm25).toList());
        sections.add(new Section("五、近30天全省走势", List.of(), List.of(), List.of(new LineChart("trend-" + a.date(),
                a.province() + "近" + DailyAnalysis.CHART_DAYS + "天日均AQI与PM2.5",
                a.lastDays().stream().map(d -> d.date().substring(5)).toList(), series))));
        return new Report("daily-" + a.date(), title, intro, sections);
    }

    private static Table alerts(String file, String caption, List<Alert> alerts, DailyAnalysis a) {
        return new Table(file, caption + "（" + alerts.size() + "条）", List.of("开始", "类型", "级别", "地点", "内容"),
                alerts.stream().map(x -> List.of(x.start().length() >= 16 ? x.start().substring(11, 16) : x.start(),
                        x.type(), x.level(), alertPlace(x.place(), a), chinese(x.message()))).toList());
    }

    /** A station alert's place is its county's key and the station code: the county's name and the code. */
    private static String alertPlace(String place, DailyAnalysis a) {
        int slash = place.lastIndexOf('/');
        if (place.split("/").length > 3) {
            return a.names().of(place.substring(0, slash)) + " " + place.substring(slash + 1);
        }
        return a.names().of(place);
    }

    /** The Chinese half of an alert's message (the job writes Chinese, then English). */
    private static String chinese(String message) {
        int end = message.indexOf("。");
        return end < 0 ? message : message.substring(0, end + 1);
    }

    private static String primary(Day d) {
        return d.primary() == null || d.primary().isEmpty() ? "—" : d.primary().toUpperCase().replace("PM25", "PM2.5").replace(";", "、");
    }

    private static String pm25Change(Day now, Day lastYear) {
        if (lastYear == null || now.pm25() == null || lastYear.pm25() == null || !(lastYear.pm25() > 0)) {
            return "–";
        }
        return percent(ChangeRate.percent(now.pm25(), lastYear.pm25()));
    }

    private static String indicator(String code) {
        return code.equals("pm25") ? "PM2.5" : "综合指数";
    }

    /** A composite index with its 2 decimals, PM2.5 in whole µg/m³, as reported. */
    private static String value(String indicator, Double v) {
        return fixed(v, indicator.equals("pm25") ? 0 : 2);
    }

    /** A share in percent, ×100 on its decimal (0.3 is 30.0%, not 30.000000000000004). */
    private static String share(Double v) {
        return percent(BigDecimal.valueOf(v).movePointRight(2).doubleValue());
    }

    private static String text(Integer v) {
        return v == null ? "–" : v.toString();
    }
}
