package org.airindex.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * GB/T 8170 rounding (round half to even, "四舍六入五成双") applied to the decimal value of a
 * measurement. {@link BigDecimal#valueOf(double)} takes the shortest decimal that identifies
 * the double, so 2.45 is rounded as 2.45 (to 2.4) and not as its binary neighbour 2.4500000000000001776.
 */
public final class Rounding {
    private Rounding() {
    }

    /** The value as reported for the pollutant (µg/m³ integers, CO mg/m³ one decimal, per common.yaml). */
    public static BigDecimal report(Pollutant p, double value) {
        return toDecimals(value, CommonTables.get().reportDecimals.get(p));
    }

    public static double reported(Pollutant p, double value) {
        return report(p, value).doubleValue();
    }

    /** GB/T 8170 rounding to a number of decimals. */
    public static BigDecimal toDecimals(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN);
    }
}
