package org.airindex.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** One averaging-time column of the HJ 633 breakpoint table, e.g. {@code pm25_24h}. */
final class IaqiTable implements Serializable {
    private static final long serialVersionUID = 1L;

    final String name;
    final Pollutant pollutant;
    private final BigDecimal[] breakpoints;
    private final int[] iaqi;

    IaqiTable(String name, Pollutant pollutant, BigDecimal[] breakpoints, int[] iaqi) {
        this.name = name;
        this.pollutant = pollutant;
        this.breakpoints = breakpoints.clone();
        this.iaqi = iaqi.clone();
    }

    /**
     * The IAQI of an already rounded concentration, or null above the top breakpoint (the caller
     * applies the over-range rule). The linear interpolation is done in exact decimal arithmetic
     * and rounded up, so a value like 50.0000001 can never come out as 50 by a binary error.
     */
    Integer lookup(BigDecimal c) {
        if (c.signum() < 0) {
            throw new IllegalArgumentException(name + ": negative concentration " + c);
        }
        for (int i = 1; i < breakpoints.length; i++) {
            if (c.compareTo(breakpoints[i]) <= 0) {
                BigDecimal rise = BigDecimal.valueOf((long) iaqi[i] - iaqi[i - 1]);
                BigDecimal run = breakpoints[i].subtract(breakpoints[i - 1]);
                BigDecimal above = rise.multiply(c.subtract(breakpoints[i - 1]))
                        .divide(run, 0, RoundingMode.CEILING);
                return iaqi[i - 1] + above.intValueExact();
            }
        }
        return null;
    }
}
