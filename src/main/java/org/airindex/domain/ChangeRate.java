package org.airindex.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Year-on-year change rate (同比), in percent; negative is an improvement (STANDARDS.md §4). */
public final class ChangeRate {
    private ChangeRate() {
    }

    /**
     * (now − lastYear) / lastYear × 100, rounded half-even to the decimals of common.yaml (one).
     * Pass the values as they are compared in the bulletin (reported or unrounded): the rate is
     * computed from exactly what it is given.
     */
    public static double percent(double now, double lastYear) {
        if (!(lastYear > 0) || Double.isNaN(now) || Double.isInfinite(now) || Double.isInfinite(lastYear)) {
            throw new IllegalArgumentException("change rate needs a positive base and finite values: now=" + now
                    + ", lastYear=" + lastYear);
        }
        BigDecimal n = BigDecimal.valueOf(now);
        BigDecimal l = BigDecimal.valueOf(lastYear);
        return n.subtract(l).multiply(BigDecimal.valueOf(100)).divide(l, MathContext.DECIMAL64)
                .setScale(CommonTables.get().changeRateDecimals, RoundingMode.HALF_EVEN).doubleValue();
    }
}
