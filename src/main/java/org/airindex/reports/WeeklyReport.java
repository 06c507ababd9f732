package org.airindex.reports;

import static org.airindex.reports.BulletinReport.fixed;
import static org.airindex.reports.BulletinReport.percent;
import static org.airindex.reports.BulletinReport.signedWan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.airindex.domain.province.ProvinceComparison;
import org.airindex.reports.Report.Section;
import org.airindex.reports.Results.Alert;
import org.airindex.reports.Results.Average;
import org.airindex.reports.Results.Gap;
import org.airindex.reports.Results.PlacePeriod;
import org.airindex.reports.WeeklyDispatch.PlaceWeek;

/** The weekly dispatch (周调度) as a report. */
public final class WeeklyReport {
    private static final Map<String, String> INDICATOR_ZH = Map.of("composite", "综合指数", "pm25", "PM2.5");

    private WeeklyReport() {
    }

    public static Report of(WeeklyDispatch w) {
        String title = w.province() + "环境空气质量周调度（" + w.week() + "，" + w.from() + " 至 " + w.to() + "）";
        List<String> intro = new ArrayList<>();
        intro.add("数据截至 " + w.monthAverage().asOf() + "。" + w.month() + " 月累计全省平均：综合指数 "
                + fixed(w.monthAverage().composite(), 2) + "，PM2.5 " + fixed(w.monthAverage().pm25(), 1)
                + " μg/m³；平均改善率：综合指数 " + percent(w.monthAverage().compositeChange()) + "，PM2.5 "
                + percent(w.monthAverage().pm25Change()) + "。" + (w.ytdAverage() == null ? "" : "年累计全省平均：综合指数 "
                + fixed(w.ytdAverage().composite(), 2) + "，PM2.5 " + fixed(w.ytdAverage().pm25(), 1) + " μg/m³。"));
        intro.add("本月累计有扣款风险的区县 " + w.atRisk().size() + " 个；周末仍未解除的预警 " + w.open().size() + " 条。");

        List<Section> sections = new ArrayList<>();
        sections.add(new Section("一、月累计与年累计", List.of("名次为综合指数名次（越小越好）；变动为较上周日的名次变化，"
                + "正数表示前进；同比为较去年同期的变化率。"), List.of(new Table("weekly-" + w.week(), "各区县 截至 " + w.to(),
                List.of("区县", "月综合指数", "同比", "月PM2.5", "同比", "月名次", "变动", "年综合指数", "同比", "年PM2.5", "同比",
                        "年名次", "变动"), w.places().stream().map(p -> row(w, p)).toList())), List.of()));
        sections.add(new Section("二、目标差距", List.of("“需降低”为本期累计值须降低多少才能低于目标；“日均需达到”为本月余下"
                + "各日的平均水平（负数表示本月已无法达到）。"), List.of(new Table("gap-" + w.week(), "目标差距（" + w.month() + "）",
                List.of("区县", "指标", "目标", "当前", "目标值", "需降低", "日均需达到"), w.gaps().stream().map(g -> gapRow(w, g))
                .toList())), List.of()));
        sections.add(new Section("三、本月有扣款风险的区县", List.of("按截至本周的月累计值结算，合计为负（扣缴）的区县。"),
                List.of(new Table("at-risk-" + w.week(), "扣款风险（万元）", List.of("区县", "月累计结算"), w.atRisk()
                        .entrySet().stream().map(e -> List.of(w.names().of(e.getKey()), signedWan(e.getValue()))).toList())),
                List.of()));
        sections.add(new Section("四、未解除的预警", List.of(), List.of(new Table("open-alerts-" + w.week(), "截至 " + w.to(),
                List.of("开始", "类型", "级别", "地点"), w.open().stream().map(a -> List.of(a.start().length() >= 16
                        ? a.start().substring(0, 16).replace('T', ' ') : a.start(), a.type(), a.level(), place(w, a)))
                        .toList())), List.of()));
        if (!w.national().isEmpty()) {
            sections.add(new Section("五、全国重点城市排名估计", List.of("以本市月累计综合指数，与" + w.national().get(0).tablePeriod()
                    + "全国公布的其他城市数值相比（假定其他城市保持不变）估计当前全国名次；“需降至”为退出后N名须低于的月综合指数，"
                    + "PM2.5按其他污染物不变折算；日均为本月余下各日须达到的平均水平（负数表示本月已无法达到）。"),
                    List.of(new Table("national-" + w.week(), "全国排名估计（" + w.month() + "）", List.of("城市", "月综合指数",
                            "估计名次", "目标", "是否在内", "需降至", "需降低", "余下日均综合指数", "PM2.5需降至", "余下日均PM2.5"),
                            w.national().stream().map(n -> List.of(n.city().substring(n.city().lastIndexOf('/') + 1),
                                    fixed(n.composite(), 2), n.rank() + "/" + n.of(), "退出后" + n.n() + "名",
                                    n.inBottom() ? "在后" + n.n() + "名" : "已在外", fixed(n.neededComposite(), 2),
                                    n.inBottom() ? fixed(n.reduction(), 2) : "–", fixed(n.dailyComposite(), 2),
                                    fixed(n.neededPm25(), 1), fixed(n.dailyPm25(), 1))).toList())), List.of()));
        }
        for (WeeklyDispatch.Campaign c : w.campaigns()) {
            Average a = c.average();
            sections.add(new Section("专项时段：" + a.period(), List.of("截至 " + a.asOf() + " 的时段累计；全省平均：综合指数 "
                    + fixed(a.composite(), 2) + "，PM2.5 " + fixed(a.pm25(), 1) + " μg/m³；平均改善率：综合指数 "
                    + percent(a.compositeChange()) + "，PM2.5 " + percent(a.pm25Change()) + "。"), List.of(new Table(
                    "campaign-" + a.kind() + "-" + w.week(), a.period() + " 截至 " + a.asOf(), List.of("区县", "综合指数",
                    "同比", "PM2.5", "同比", "名次"), c.places().stream().map(p -> List.of(w.names().of(p.place()),
                    fixed(p.value().composite(), 2), percent(p.value().compositeChange()), fixed(p.value().pm25(), 0),
                    percent(p.value().pm25Change()), rank(p.rank()))).toList())), List.of()));
        }
        return new Report("weekly-" + w.week(), title, intro, sections);
    }

    private static List<String> row(WeeklyDispatch w, PlaceWeek p) {
        PlacePeriod m = p.month();
        PlacePeriod y = p.ytd();
        return List.of(w.names().of(p.place()), fixed(m.composite(), 2), percent(m.compositeChange()), fixed(m.pm25(), 0),
                percent(m.pm25Change()), rank(p.monthRank()), movement(p.monthRank(), p.monthRankBefore()),
                y == null ? "–" : fixed(y.composite(), 2), y == null ? "–" : percent(y.compositeChange()),
                y == null ? "–" : fixed(y.pm25(), 0), y == null ? "–" : percent(y.pm25Change()), rank(p.ytdRank()),
                movement(p.ytdRank(), p.ytdRankBefore()));
    }

    private static List<String> gapRow(WeeklyDispatch w, Gap g) {
        boolean composite = g.indicator().equals("composite");
        int decimals = composite ? 2 : 1;
        String target = g.target().equals(ProvinceComparison.PROVINCIAL_AVERAGE) ? "低于全省平均"
                : g.target().startsWith(ProvinceComparison.LEAVE_BOTTOM) ? "退出后" + g.target().substring(ProvinceComparison.LEAVE_BOTTOM.length()) + "名"
                : g.target();
        return List.of(w.names().of(g.place()), INDICATOR_ZH.getOrDefault(g.indicator(), g.indicator()), target,
                fixed(g.current(), composite ? 2 : 0), fixed(g.targetValue(), decimals), fixed(g.reduction(), decimals),
                fixed(g.dailyNeeded(), decimals));
    }

    private static String rank(Integer r) {
        return r == null ? "–" : r.toString();
    }

    /** Places moved up (a smaller rank) as a positive number: ↑2, ↓1, or – when unknown. */
    private static String movement(Integer now, Integer before) {
        if (now == null || before == null) {
            return "–";
        }
        int up = before - now;
        return up > 0 ? "↑" + up : up < 0 ? "↓" + (-up) : "0";
    }

    private static String place(WeeklyDispatch w, Alert a) {
        String[] parts = a.place().split("/");
        return parts.length > 3 ? w.names().of(String.join("/", List.of(parts).subList(0, 3))) + " " + parts[3]
                : w.names().of(a.place());
    }
}
