package org.airindex.reports;

import static org.airindex.reports.SampleResults.A1;
import static org.airindex.reports.SampleResults.A2;
import static org.airindex.reports.SampleResults.B1;
import static org.airindex.reports.SampleResults.B3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import org.airindex.reports.Results.Rank;
import org.junit.jupiter.api.Test;

class MonthlyBulletinTest {
    private final MonthlyBulletin august = MonthlyBulletin.of(SampleResults.province(), SampleResults.P,
            YearMonth.of(2026, 8), "county", List.of(1, 3));

    @Test
    void readsTheVersionOfTheMonthsLastDay() {
        assertEquals("2026-08-31", august.average().asOf());
        assertEquals(4.375, august.average().composite());
        // The 30th's version settled 甲市一区 -999,999 CNY and ranked 三县 alone: neither shows.
        assertEquals(1_250_000, august.counties().get(0).total());
        assertEquals(4, august.rankings().get("composite").size());
    }

    @Test
    void theAssessedCountiesAreThoseTheSchemeSettled() {
        // 三县 is outside the scope (no money): listed among the notes, not in the settlement.
        assertEquals(List.of(A1, A2, B1), august.counties().stream().map(CountySettlement::place).toList());
        assertEquals(List.of(1_250_000L, 472_500L, -737_500L),
                august.counties().stream().map(CountySettlement::total).toList());
        assertEquals(985_000, august.total());
        assertEquals(List.of(B3), august.notes().stream().map(Results.Note::place).toList());
        assertTrue(august.illustrative());
    }

    @Test
    void aTieAtTheBoundaryPutsBothInTheBottomOne() {
        assertEquals(List.of(B1, B3), places(august.bottom().get(1).get("composite")));
        assertEquals(List.of(B3), places(august.bottom().get(1).get("pm25")));
        // The bottom 3 holds the bottom 1, worst first.
        assertEquals(List.of(B1, B3, A2), places(august.bottom().get(3).get("composite")));
        assertEquals(List.of(B3, B1), places(august.bottom().get(3).get("pm25")));
    }

    @Test
    void namesCountiesByTheirCityWhereTwoShareAName() {
        assertEquals(List.of("甲市一区", "二区", "乙市一区"),
                august.counties().stream().map(CountySettlement::name).toList());
        assertEquals("三县", august.names().of(B3));
    }

    @Test
    void aMonthWithoutASettlementSaysSo() {
        ResultsException e = assertThrows(ResultsException.class, () -> MonthlyBulletin.of(SampleResults.province(),
                SampleResults.P, YearMonth.of(2026, 7), "county", List.of(10)));
        assertTrue(e.getMessage().contains("2026-07"), e.getMessage());
    }

    @Test
    void theReportCarriesTheSettlementInWan() {
        Report report = BulletinReport.of(august);
        Table settlement = report.sections().get(0).tables().get(0);
        assertEquals("settlement-2026-08", settlement.file());
        // 二区, composite: +3.75 (illustrative), -2.25 (illustrative), subtotal +1.50, total +47.25; the
        // provincial average 4.375 and rate -0.25 % are true ties, rounded half to even (GB/T 8170).
        assertEquals(List.of("二区", "综合指数", "4.00", "4.38", "+2.0%", "-0.2%", "+3.75*", "-2.25*", "+1.50", "+47.25"),
                settlement.rows().get(2));
        // PM2.5 against the average value is a published rule: no star.
        assertEquals("+100.00", settlement.rows().get(1).get(6));
        assertEquals(List.of(SettlementSentence.zh(august.counties().get(0)), SettlementSentence.zh(
                august.counties().get(1)), SettlementSentence.zh(august.counties().get(2))),
                report.sections().get(0).paragraphs());
    }

    private static List<String> places(List<Rank> ranks) {
        return ranks.stream().map(Rank::place).toList();
    }
}
