package org.airindex.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RoundingTest {
    @Test
    void coRoundsHalfToEvenOnTheDecimalValue() {
        assertEquals(new BigDecimal("2.4"), Rounding.report(Pollutant.CO, 2.45));
        assertEquals(new BigDecimal("2.5"), Rounding.report(Pollutant.CO, 2.451));
        assertEquals(new BigDecimal("2.4"), Rounding.report(Pollutant.CO, 2.35));
        assertEquals(new BigDecimal("2.2"), Rounding.report(Pollutant.CO, 2.25));
        assertEquals(new BigDecimal("2.3"), Rounding.report(Pollutant.CO, 2.26));
        assertEquals(new BigDecimal("0.0"), Rounding.report(Pollutant.CO, 0.05));
        assertEquals(new BigDecimal("0.2"), Rounding.report(Pollutant.CO, 0.15));
        // not truncated: 0.99 is 1.0, not 0.9
        assertEquals(new BigDecimal("1.0"), Rounding.report(Pollutant.CO, 0.99));
        assertEquals(2.4, Rounding.reported(Pollutant.CO, 2.45));
    }

    @Test
    void microgramPollutantsRoundToIntegersHalfEven() {
        assertEquals(new BigDecimal("34"), Rounding.report(Pollutant.PM25, 34.5));
        assertEquals(new BigDecimal("36"), Rounding.report(Pollutant.PM25, 35.5));
        assertEquals(new BigDecimal("36"), Rounding.report(Pollutant.PM10, 36.5));
        assertEquals(new BigDecimal("37"), Rounding.report(Pollutant.O3, 36.51));
        assertEquals(new BigDecimal("36"), Rounding.report(Pollutant.SO2, 36.49));
        assertEquals(160.0, Rounding.reported(Pollutant.O3, 160.4));
    }

    @Test
    void roundingHappensBeforeTheIaqi() {
        RuleSet r2012 = Standards.loadDefault().byId("2012");
        // CO 24h 2.45 → 2.4: 50 + 50/2·0.4 = 60; 2.451 → 2.5: 50 + 50/2·0.5 = 62.5 → 63
        assertEquals(60, r2012.iaqi("co_24h", 2.45));
        assertEquals(63, r2012.iaqi("co_24h", 2.451));
        // PM2.5 34.5 → 34: 50/35·34 = 48.57 → 49; 35.5 → 36: 51.25 → 52
        assertEquals(49, r2012.iaqi("pm25_24h", 34.5));
        assertEquals(52, r2012.iaqi("pm25_24h", 35.5));
        // 35.4 → 35 = 50 exactly
        assertEquals(50, r2012.iaqi("pm25_24h", 35.4));
    }
}
