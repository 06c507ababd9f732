package org.airindex.domain.alerts;

import java.util.List;
import java.util.Map;
import org.airindex.domain.province.GapEntry;
import org.airindex.domain.province.ProvinceAverages;
import org.airindex.domain.province.ProvinceComparison;
import org.airindex.domain.province.RankingEntry;

/**
 * A county on course for a penalty (STANDARDS.md §6): its month-to-date indicator is worse than the
 * provincial average value, and/or its change rate is worse (higher: less improvement) than the
 * provincial average improvement rate. Each comparison is settled on its own, so one is a risk
 * (level 1) and both a larger one (level 2). The message gives the gap to the provincial average.
 */
public final class FineRiskRule {
    public static final String TYPE_PREFIX = "fine_risk.";

    private FineRiskRule() {
    }

    /**
     * @param indicator {@code composite} or {@code pm25}
     * @param day       start of the day the report is as of: the standing holds since then
     */
    public static Condition evaluate(String indicator, String period, ProvinceAverages averages,
            List<RankingEntry> rankings, List<GapEntry> gaps, String place, long day) {
        Double value = value(rankings, place, indicator);
        Double change = value(rankings, place, indicator + "_change");
        Double average = indicator.equals("pm25") ? averages.pm25() : averages.composite();
        Double averageChange = indicator.equals("pm25") ? averages.pm25Change() : averages.compositeChange();
        boolean worseValue = value != null && average != null && value > average;
        boolean worseRate = change != null && averageChange != null && change > averageChange;
        GapEntry gap = gaps.stream().filter(g -> g.place().equals(place) && g.indicator().equals(indicator)
                && g.target().equals(ProvinceComparison.PROVINCIAL_AVERAGE)).findFirst().orElse(null);
        Map<String, Object> values = Texts.map();
        values.put(indicator, value);
        values.put("provincial_average", average);
        values.put("change", change);
        values.put("provincial_average_change", averageChange);
        values.put("reduction_to_average", gap == null ? null : gap.reduction());
        String name = indicator.equals("pm25") ? "PM2.5" : "综合指数";
        String nameEn = indicator.equals("pm25") ? "PM2.5" : "composite index";
        String type = TYPE_PREFIX + indicator;
        int level = (worseValue ? 1 : 0) + (worseRate ? 1 : 0);
        String standing = place + " " + period + " 月累计" + name + " " + Texts.num(value) + "（全省平均 " + Texts.num(average)
                + "），改善率 " + Texts.num(change) + "%（全省平均 " + Texts.num(averageChange) + "%）";
        String standingEn = place + " " + period + " month to date: " + nameEn + " " + Texts.num(value)
                + " (provincial average " + Texts.num(average) + "), change " + Texts.num(change)
                + "% (provincial average " + Texts.num(averageChange) + "%)";
        if (level == 0) {
            return new Condition(type, place, null, 0, null, day, () -> new Condition.Text(Texts.values(values),
                    standing + "，已不差于全省平均值和平均改善率。",
                    standingEn + ": no longer worse than the provincial average value or improvement rate."));
        }
        String worseZh = worseValue && worseRate ? "差于全省平均值和平均改善率" : worseValue ? "差于全省平均值" : "差于全省平均改善率";
        String worseEn = worseValue && worseRate ? "worse than both the provincial average value and improvement rate"
                : worseValue ? "worse than the provincial average value" : "worse than the provincial average improvement rate";
        String gapZh = gap != null && gap.reduction() > 0 ? "，需下降 " + Texts.num(gap.reduction()) + " 才能优于全省平均" : "";
        String gapEn = gap != null && gap.reduction() > 0
                ? "; it must fall by " + Texts.num(gap.reduction()) + " to beat the provincial average" : "";
        return new Condition(type, place, null, level, level == 2 ? "both" : "one", day, () -> new Condition.Text(
                Texts.values(values), standing + "，" + worseZh + gapZh + "，面临扣缴风险。",
                standingEn + ": " + worseEn + gapEn + "; a penalty is coming."));
    }

    static Double value(List<RankingEntry> rankings, String place, String metric) {
        for (RankingEntry r : rankings) {
            if (r.place().equals(place) && r.metric().equals(metric)) {
                return r.value();
            }
        }
        return null;
    }
}
