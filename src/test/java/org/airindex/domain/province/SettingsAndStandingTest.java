package org.airindex.domain.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsAndStandingTest {
    static final String PLACE = "山西省/太原市/小店区";

    @Test
    void changeRatesOfAStanding() {
        // composite (3.3 − 3.0)/3.0 = +10.0 %; PM2.5 (36 − 45)/45 = −20.0 %
        PlaceStanding s = new PlaceStanding(PLACE, 3.3, 36.0, 3.0, 45.0, 28, 30);
        assertEquals(10.0, s.compositeChange());
        assertEquals(-20.0, s.pm25Change());
        PlaceStanding noLastYear = new PlaceStanding(PLACE, 3.3, 36.0, null, null, 28, 30);
        assertNull(noLastYear.compositeChange());
        assertNull(noLastYear.pm25Change());
    }

    @Test
    void standingRefusesImpossibleDays() {
        assertThrows(IllegalArgumentException.class, () -> new PlaceStanding(PLACE, 3.0, 30.0, null, null, 31, 30));
        assertThrows(IllegalArgumentException.class, () -> new PlaceStanding(PLACE, 3.0, 30.0, null, null, 1, 0));
    }

    @Test
    void settingsSortBottomNAndDefaultToMeanOfRates() {
        ComparisonSettings s = new ComparisonSettings(List.of(20, 10, 20), null);
        assertEquals(List.of(10, 20), s.bottomN());
        assertEquals("mean_of_rates", s.improvementRate());
        assertThrows(IllegalArgumentException.class, () -> new ComparisonSettings(List.of(0), null));
        assertThrows(IllegalArgumentException.class, () -> new ComparisonSettings(List.of(10), "median"));
    }

    @Test
    void coefficientRuleRefusesBadTables() {
        Tier open = new Tier(null, BigDecimal.ONE);
        assertThrows(IllegalArgumentException.class, () -> new CoefficientRule(BigDecimal.ONE,
                List.of(new Tier(BigDecimal.TEN, BigDecimal.ONE)), "excess", null, false));
        assertThrows(IllegalArgumentException.class, () -> new CoefficientRule(BigDecimal.ONE,
                List.of(new Tier(BigDecimal.TEN, BigDecimal.ONE), new Tier(BigDecimal.ONE, BigDecimal.ONE), open),
                "excess", null, false));
        assertThrows(IllegalArgumentException.class,
                () -> new CoefficientRule(BigDecimal.ZERO, List.of(open), "excess", null, false));
        assertThrows(IllegalArgumentException.class,
                () -> new CoefficientRule(BigDecimal.ONE, List.of(open), "all", null, false));
    }

    @Test
    void compositeTiersWholeAndCap() {
        CoefficientRule rule = new CoefficientRule(new BigDecimal("0.1"), List.of(
                new Tier(new BigDecimal("0.2"), new BigDecimal("50000")),
                new Tier(null, new BigDecimal("100000"))), "whole", new BigDecimal("400000"), true);
        // 0.15 within the first tier: 1.5 units · 50,000 = 75,000
        assertEquals(0, new BigDecimal("75000").compareTo(rule.amountCny(new BigDecimal("-0.15"))));
        // 0.3 in the open tier, whole: 3 units · 100,000 = 300,000
        assertEquals(0, new BigDecimal("300000").compareTo(rule.amountCny(new BigDecimal("0.3"))));
        // 0.5: 5 · 100,000 = 500,000, capped at 400,000
        assertEquals(0, new BigDecimal("400000").compareTo(rule.amountCny(new BigDecimal("0.5"))));
    }
}
