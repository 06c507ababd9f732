package org.airindex.reports;

import static org.airindex.domain.province.RewardScheme.AVERAGE_VALUE;
import static org.airindex.domain.province.RewardScheme.COMPOSITE;
import static org.airindex.domain.province.RewardScheme.IMPROVEMENT_RATE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The sentence a bulletin gives each assessed county, in the form the provinces publish: the total reward
 * or penalty, then per indicator which provincial figures it beat or missed and what that earned, e.g.
 * 清徐县奖励102.64万元：综合指数优于全省平均值和全省平均改善率，奖励43.29万元；PM2.5……. Every figure comes from
 * the settlement; nothing is judged here.
 */
public final class SettlementSentence {
    private SettlementSentence() {
    }

    /** CNY in 万元 (10,000 CNY) to two decimals, half to even on a true tie (GB/T 8170). */
    public static String wan(long cny) {
        return BigDecimal.valueOf(cny).movePointLeft(4).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    public static String zh(CountySettlement c) {
        List<String> parts = new ArrayList<>();
        for (String indicator : CountySettlement.INDICATORS) {
            Long sub = c.subtotal(indicator);
            if (sub != null) {
                parts.add((indicator.equals(COMPOSITE) ? "综合指数" : "PM2.5") + comparisonsZh(c, indicator) + "，"
                        + moneyZh(sub));
            }
        }
        return c.name() + moneyZh(c.total()) + (parts.isEmpty() ? "。" : "：" + String.join("；", parts) + "。");
    }

    public static String en(CountySettlement c) {
        List<String> parts = new ArrayList<>();
        for (String indicator : CountySettlement.INDICATORS) {
            Long sub = c.subtotal(indicator);
            if (sub != null) {
                parts.add((indicator.equals(COMPOSITE) ? "composite index" : "PM2.5") + comparisonsEn(c, indicator)
                        + " (" + moneyEn(sub) + ")");
            }
        }
        return c.name() + ": " + moneyEn(c.total()) + (parts.isEmpty() ? "." : "; " + String.join("; ", parts) + ".");
    }

    private static String moneyZh(long cny) {
        return cny > 0 ? "奖励" + wan(cny) + "万元" : cny < 0 ? "扣缴" + wan(-cny) + "万元" : "奖罚相抵（0万元）";
    }

    private static String moneyEn(long cny) {
        return cny > 0 ? "rewarded " + wan(cny) + " 万元" : cny < 0 ? "fined " + wan(-cny) + " 万元" : "no net amount";
    }

    /** 优于全省平均值和全省平均改善率, or 优于…、劣于…: the settled comparisons grouped by outcome. */
    private static String comparisonsZh(CountySettlement c, String indicator) {
        List<String> phrases = new ArrayList<>();
        for (int sign : new int[] {1, -1, 0}) {
            List<String> bases = bases(c, indicator, sign, "全省平均值", "全省平均改善率");
            if (!bases.isEmpty()) {
                phrases.add((sign > 0 ? "优于" : sign < 0 ? "劣于" : "持平于") + String.join("和", bases));
            }
        }
        return String.join("、", phrases);
    }

    private static String comparisonsEn(CountySettlement c, String indicator) {
        List<String> phrases = new ArrayList<>();
        for (int sign : new int[] {1, -1, 0}) {
            List<String> bases = bases(c, indicator, sign, "the provincial average value",
                    "the average improvement rate");
            if (!bases.isEmpty()) {
                phrases.add((sign > 0 ? " better than " : sign < 0 ? " worse than " : " level with ")
                        + String.join(" and ", bases));
            }
        }
        return String.join(",", phrases);
    }

    private static List<String> bases(CountySettlement c, String indicator, int sign, String value, String rate) {
        List<String> out = new ArrayList<>();
        Long a = c.amount(indicator, AVERAGE_VALUE);
        Long b = c.amount(indicator, IMPROVEMENT_RATE);
        if (a != null && Long.signum(a) == sign) {
            out.add(value);
        }
        if (b != null && Long.signum(b) == sign) {
            out.add(rate);
        }
        return out;
    }
}
