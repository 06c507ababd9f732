package org.airindex.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
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

    /** The shortcut away from ties gives what rounding the decimal itself gives, ties and near-ties included. */
    @Test
    void theShortcutAgreesWithDecimalRounding() {
        Random random = new Random(8170);
        for (int i = 0; i < 2_000_000; i++) {
            int decimals = random.nextInt(4);
            double value = switch (i % 5) {
                // published readings: integers and one to three decimals
                case 0 -> random.nextInt(2000);
                case 1 -> random.nextInt(200_000) / 10.0;
                case 2 -> random.nextInt(2_000_000) / 1000.0;
                // exact halves at the rounding position, and their binary neighbours
                case 3 -> neighbour((random.nextInt(100_000) + 0.5) / Math.pow(10, decimals), random.nextInt(3));
                // means and large or negative values
                default -> (random.nextDouble() - 0.1) * Math.pow(10, random.nextInt(12));
            };
            assertEquals(Rounding.inDecimal(value, decimals), Rounding.toDecimals(value, decimals),
                    value + " to " + decimals + " decimals");
        }
    }

    private static double neighbour(double x, int which) {
        return which == 0 ? x : which == 1 ? Math.nextUp(x) : Math.nextDown(x);
    }
}
