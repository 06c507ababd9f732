package org.airindex.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementSentenceTest {
    private final List<CountySettlement> counties = MonthlyBulletin.of(SampleResults.province(), SampleResults.P,
            YearMonth.of(2026, 8), "county", List.of(1, 3)).counties();

    @Test
    void aRewardOnEveryComparison() {
        assertEquals("甲市一区奖励125.00万元：综合指数优于全省平均值和全省平均改善率，奖励20.00万元；"
                + "PM2.5优于全省平均值和全省平均改善率，奖励105.00万元。", SettlementSentence.zh(counties.get(0)));
    }

    @Test
    void betterOnOneBaseAndWorseOnTheOther() {
        assertEquals("二区奖励47.25万元：综合指数优于全省平均值、劣于全省平均改善率，奖励1.50万元；"
                + "PM2.5优于全省平均值、劣于全省平均改善率，奖励45.75万元。", SettlementSentence.zh(counties.get(1)));
        assertEquals("二区: rewarded 47.25 万元; composite index better than the provincial average value, worse than the "
                + "average improvement rate (rewarded 1.50 万元); PM2.5 better than the provincial average value, worse "
                + "than the average improvement rate (rewarded 45.75 万元).", SettlementSentence.en(counties.get(1)));
    }

    @Test
    void aPenalty() {
        assertEquals("乙市一区扣缴73.75万元：综合指数劣于全省平均值和全省平均改善率，扣缴14.50万元；"
                + "PM2.5劣于全省平均值和全省平均改善率，扣缴59.25万元。", SettlementSentence.zh(counties.get(2)));
    }

    @Test
    void wanRoundsHalfToEvenOnlyOnATrueTie() {
        assertEquals("0.02", SettlementSentence.wan(150)); // 0.0150: a tie, 1 is odd, up
        assertEquals("0.02", SettlementSentence.wan(250)); // 0.0250: a tie, 2 is even, stays
        assertEquals("0.03", SettlementSentence.wan(251));
        assertEquals("1.23", SettlementSentence.wan(12_345));
        assertEquals("1026.40", SettlementSentence.wan(10_264_000));
        assertEquals("0.00", SettlementSentence.wan(0));
    }
}
