package org.airindex.domain.alerts;

import java.util.List;
import java.util.Map;
import org.airindex.domain.province.GapEntry;
import org.airindex.domain.province.ProvinceComparison;
import org.airindex.domain.province.RankingEntry;

/**
 * A county in the province's bottom N (后N名) of a ranking. With several N configured (e.g. 10 and
 * 20) the smaller, worse one is the higher level, so sliding from the bottom 20 into the bottom 10
 * escalates. The message gives the gap to leaving the bottom N (the comparison's leave-bottom gap).
 */
public final class BottomNRule {
    public static final String TYPE_PREFIX = "bottom_n.";

    private BottomNRule() {
    }

    /**
     * @param bottomN the configured N, ascending (the scheme's comparison.bottom_n)
     * @param day     start of the day the report is as of; {@code since} of the standing
     */
    public static Condition evaluate(String metric, String period, List<Integer> bottomN, List<RankingEntry> rankings,
            List<GapEntry> gaps, String place, long day) {
        RankingEntry entry = rankings.stream().filter(r -> r.place().equals(place) && r.metric().equals(metric))
                .findFirst().orElse(null);
        // With no more places than N every place is in the bottom N: that says nothing about this one.
        Integer n = entry == null || entry.bottomOf() == null || entry.of() <= entry.bottomOf() ? null
                : entry.bottomOf();
        Map<String, Object> values = Texts.map();
        values.put("rank", entry == null ? null : entry.rank());
        values.put("of", entry == null ? null : entry.of());
        values.put("value", entry == null ? null : entry.value());
        values.put("bottom_of", n);
        String type = TYPE_PREFIX + metric;
        String rank = entry == null ? "NA" : entry.rank() + "/" + entry.of();
        if (n == null) {
            return new Condition(type, place, null, 0, null, day, () -> new Condition.Text(Texts.values(values),
                    place + " " + period + " 月累计 " + metric + " 排名 " + rank + "，已退出全省后N名。",
                    place + " " + period + " month to date: " + metric + " rank " + rank
                            + ", out of the provincial bottom N."));
        }
        GapEntry gap = gaps.stream().filter(g -> g.place().equals(place) && g.indicator().equals(metric)
                && g.target().equals(ProvinceComparison.LEAVE_BOTTOM + n)).findFirst().orElse(null);
        values.put("leave_at", gap == null ? null : gap.targetValue());
        values.put("reduction", gap == null ? null : gap.reduction());
        String gapZh = gap == null ? "" : "；需降至 " + Texts.num(gap.targetValue()) + "（下降 " + Texts.num(gap.reduction())
                + "）才能退出";
        String gapEn = gap == null ? "" : "; it must reach " + Texts.num(gap.targetValue()) + " (down "
                + Texts.num(gap.reduction()) + ") to leave it";
        int level = bottomN.size() - bottomN.indexOf(n);
        return new Condition(type, place, null, level, "bottom_" + n, day, () -> new Condition.Text(
                Texts.values(values),
                place + " " + period + " 月累计 " + metric + " " + Texts.num(entry.value()) + "，排名 " + rank + "，位于全省后"
                        + n + "名" + gapZh + "。",
                place + " " + period + " month to date: " + metric + " " + Texts.num(entry.value()) + ", rank " + rank
                        + ", in the provincial bottom " + n + gapEn + "."));
    }
}
