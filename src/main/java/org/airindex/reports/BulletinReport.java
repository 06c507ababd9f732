package org.airindex.reports;

import static org.airindex.domain.province.RewardScheme.AVERAGE_VALUE;
import static org.airindex.domain.province.RewardScheme.COMPOSITE;
import static org.airindex.domain.province.RewardScheme.IMPROVEMENT_RATE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.airindex.domain.Rounding;
import org.airindex.reports.Report.Section;
import org.airindex.reports.Results.Rank;

/** The monthly bulletin (月通报) as a report: the settlement, its sentences, rankings, bottom-N lists and notes. */
public final class BulletinReport {
    private static final Map<String, String> METRIC_ZH = Map.of("composite", "综合指数", "pm25", "PM2.5(μg/m³)",
            "composite_change", "综合指数变化率", "pm25_change", "PM2.5变化率");

    private BulletinReport() {
    }

    public static Report of(MonthlyBulletin b) {
        String[] ym = b.month().split("-");
        String title = b.province() + "环境空气质量月度通报（" + ym[0] + "年" + Integer.parseInt(ym[1]) + "月）";
        List<String> intro = new ArrayList<>();
        intro.add("数据截至 " + (b.average().asOf() == null ? b.month() : b.average().asOf()) + "。全省平均：综合指数 "
                + fixed(b.average().composite(), 2) + "，PM2.5 " + fixed(b.average().pm25(), 1) + " μg/m³；平均改善率：综合指数 "
                + percent(b.average().compositeChange()) + "，PM2.5 " + percent(b.average().pm25Change())
                + "（变化率为负表示改善）。参与比较 " + b.average().places() + " 个区县。");
        intro.add("本月考核区县 " + b.counties().size() + " 个，奖惩合计 " + signedWan(b.total()) + " 万元（正为奖励，负为扣缴）。");
        if (b.illustrative()) {
            intro.add("注：标 * 的金额按奖惩方案中的示意系数计算，并非已发布的规则。");
        }

        List<Section> sections = new ArrayList<>();
        sections.add(new Section("一、奖惩结算", b.counties().stream().map(SettlementSentence::zh).toList(),
                List.of(settlement(b)), List.of()));
        sections.add(new Section("二、排名", List.of("排名按数值从小到大（越小越好），并列同名次（1, 1, 3）。"),
                List.of(ranking(b)), List.of(compositeChart(b))));
        List<List<String>> bottom = new ArrayList<>();
        b.bottom().forEach((n, byMetric) -> byMetric.forEach((metric, ranks) -> bottom.add(List.of("后" + n + "名",
                METRIC_ZH.get(metric), String.join("、", ranks.stream()
                        .map(r -> b.names().of(r.place()) + "（" + r.rank() + "，" + value(r) + "）").toList())))));
        sections.add(new Section("三、后N名", List.of("含与第N名并列的区县；括号内为名次和数值，从最差起。"),
                List.of(new Table("bottom-" + b.month(), "后N名", List.of("名单", "指标", "区县（名次，数值）"), bottom)), List.of()));
        if (!b.notes().isEmpty()) {
            sections.add(new Section("四、未参与结算的区县", List.of(), List.of(new Table("notes-" + b.month(), "说明",
                    List.of("区县", "原因", "详情"), b.notes().stream().map(n -> List.of(b.names().of(n.place()), n.reason(),
                            n.detail())).toList())), List.of()));
        }
        return new Report("bulletin-" + b.month(), title, intro, sections);
    }

    private static Table settlement(MonthlyBulletin b) {
        List<List<String>> rows = new ArrayList<>();
        for (CountySettlement c : b.counties()) {
            for (String indicator : CountySettlement.INDICATORS) {
                boolean composite = indicator.equals(COMPOSITE);
                rows.add(List.of(c.name(), composite ? "综合指数" : "PM2.5",
                        composite ? fixed(c.composite(), 2) : fixed(c.pm25(), 0),
                        composite ? fixed(b.average().composite(), 2) : fixed(b.average().pm25(), 1),
                        percent(composite ? c.compositeChange() : c.pm25Change()),
                        percent(composite ? b.average().compositeChange() : b.average().pm25Change()),
                        amount(c, indicator, AVERAGE_VALUE), amount(c, indicator, IMPROVEMENT_RATE),
                        c.subtotal(indicator) == null ? "–" : signedWan(c.subtotal(indicator)), signedWan(c.total())));
            }
        }
        return new Table("settlement-" + b.month(), "奖惩结算（万元）", List.of("区县", "指标", "本月值", "全省平均值", "变化率",
                "全省平均改善率", "平均值比较", "改善率比较", "小计", "合计"), rows);
    }

    /** One row per place, its rank and value on every metric, in the order of the composite index. */
    private static Table ranking(MonthlyBulletin b) {
        Map<String, Map<String, Rank>> byPlace = new LinkedHashMap<>();
        b.rankings().forEach((metric, ranks) -> ranks.forEach(r ->
                byPlace.computeIfAbsent(r.place(), p -> new HashMap<>()).put(metric, r)));
        List<String> header = new ArrayList<>(List.of("区县"));
        b.rankings().keySet().forEach(m -> header.addAll(List.of(METRIC_ZH.get(m), "名次")));
        header.add("后N名");
        List<List<String>> rows = new ArrayList<>();
        byPlace.forEach((place, ranks) -> {
            List<String> row = new ArrayList<>(List.of(b.names().of(place)));
            Integer worstList = null;
            for (String m : b.rankings().keySet()) {
                Rank r = ranks.get(m);
                row.addAll(r == null ? List.of("–", "–") : List.of(value(r), Integer.toString(r.rank())));
                if (r != null && r.bottomOf() != null) {
                    worstList = worstList == null ? r.bottomOf() : Math.min(worstList, r.bottomOf());
                }
            }
            row.add(worstList == null ? "" : "后" + worstList + "名");
            rows.add(row);
        });
        return new Table("ranking-" + b.month(), "排名", header, rows);
    }

    private static BarChart compositeChart(MonthlyBulletin b) {
        List<Rank> ranks = b.rankings().getOrDefault("composite", List.of()).stream()
                .sorted(Comparator.comparingInt(Rank::rank).thenComparing(Rank::place)).toList();
        return new BarChart("composite-" + b.month(), "各区县综合指数（" + b.month() + "）",
                ranks.stream().map(r -> b.names().of(r.place())).toList(), ranks.stream().map(Rank::value).toList(),
                b.average().composite(), "全省平均 " + fixed(b.average().composite(), 2));
    }

    private static String value(Rank r) {
        return switch (r.metric()) {
            case "composite" -> fixed(r.value(), 2);
            case "pm25" -> fixed(r.value(), 0);
            default -> percent(r.value());
        };
    }

    /** A comparison's amount in 万元 with its sign, starred when its coefficients are illustrative; – when unsettled. */
    private static String amount(CountySettlement c, String indicator, String comparison) {
        Long cny = c.amount(indicator, comparison);
        return cny == null ? "–" : signedWan(cny) + (c.illustrative(indicator, comparison) ? "*" : "");
    }

    /** CNY in 万元 to two decimals with its sign: +12.34, -0.50, 0.00. */
    public static String signedWan(long cny) {
        return (cny > 0 ? "+" : cny < 0 ? "-" : "") + SettlementSentence.wan(Math.abs(cny));
    }

    /** A value to the given decimals (half to even on the value's decimal), – when missing. */
    static String fixed(Double v, int decimals) {
        return v == null ? "–" : Rounding.toDecimals(v, decimals).toPlainString();
    }

    /** A change rate in percent to one decimal with its sign, – when missing. */
    static String percent(Double v) {
        if (v == null) {
            return "–";
        }
        BigDecimal d = Rounding.toDecimals(v, 1);
        return (d.signum() > 0 ? "+" : "") + d.toPlainString() + "%";
    }
}
