package org.airindex.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * GB/T 8170 rounding (round half to even, "四舍六入五成双") applied to the decimal value of a
 * measurement. {@link BigDecimal#valueOf(double)} takes the shortest decimal that identifies
 * the double, so 2.45 is rounded as 2.45 (to 2.4) and not as its binary neighbour 2.4500000000000001776.
 */
public final class Rounding {
    private static final double[] POWERS_OF_TEN = {1, 10, 100, 1000, 10000};
    private static final double FAST_LIMIT = 0x1p31;
    private static final double TIE_MARGIN = 1e-6;

    private Rounding() {
    }

    /** The value as reported for the pollutant (µg/m³ integers, CO mg/m³ one decimal, per common.yaml). */
    public static BigDecimal report(Pollutant p, double value) {
        return toDecimals(value, CommonTables.get().reportDecimals.get(p));
    }

    /** A statistic as reported, as a double (an {@link Exact} rounded exactly); null for a missing one. */
    public static Double reported(Pollutant p, Number value) {
        return value == null ? null : report(p, value).doubleValue();
    }

    /** The exact value as reported for the pollutant, rounded on the exact value (GB/T 8170). */
    public static BigDecimal report(Pollutant p, Exact value) {
        return value.round(CommonTables.get().reportDecimals.get(p));
    }

    /**
     * Whether the double nearest an exact value is reported as the exact value is: always, but next to a
     * tie (where a fraction just off the tie can have the tie's double), which is then checked exactly.
     */
    public static boolean reportedAlike(Pollutant p, Exact value, double nearest) {
        return farFromTie(nearest, CommonTables.get().reportDecimals.get(p))
                || report(p, value).equals(report(p, nearest));
    }

    /** A statistic as reported: an {@link Exact} rounded exactly, a double by the decimal it denotes. */
    public static BigDecimal report(Pollutant p, Number value) {
        return value instanceof Exact e ? report(p, e) : report(p, value.doubleValue());
    }

    /**
     * GB/T 8170 rounding to a number of decimals.
     *
     * <p>Every hourly value is rounded for its IAQI, so the common case skips the decimal conversion.
     * Below 2^31, the double times 10^decimals differs from the shortest decimal times 10^decimals by
     * less than 2^-20 (half an ulp of the product, plus 10^decimals half-ulps of the value), so when it
     * lies farther than {@link #TIE_MARGIN} from a half both round to the same integer; only values
     * next to a tie are rounded in decimal.
     */
    public static BigDecimal toDecimals(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        return farFromTie(value, decimals) ? BigDecimal.valueOf((long) Math.rint(value * POWERS_OF_TEN[decimals]), decimals)
                : inDecimal(value, decimals);
    }

    /** Whether value · 10^decimals (below 2^31) lies farther than {@link #TIE_MARGIN} from a half. */
    private static boolean farFromTie(double value, int decimals) {
        if (decimals < 0 || decimals >= POWERS_OF_TEN.length) {
            return false;
        }
        double scaled = value * POWERS_OF_TEN[decimals];
        return Math.abs(scaled) < FAST_LIMIT && Math.abs(scaled - Math.floor(scaled) - 0.5) > TIE_MARGIN;
    }

    /** The rounding done on the shortest decimal of the value itself. */
    static BigDecimal inDecimal(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN);
    }
}
