package org.airindex.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;

/**
 * Percentile by HJ 663: sort ascending, k = 1 + (n−1)·p, s = ⌊k⌋,
 * P = X(s) + (X(s+1) − X(s))·(k − s), X(n) when s = n.
 * k is computed in decimal so that e.g. 1 + 20·0.95 is exactly 20, not 19.999….
 */
public final class Percentile {
    private Percentile() {
    }

    public static double of(double[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("percentile of no values");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be within [0,1]: " + p);
        }
        double[] x = values.clone();
        for (double v : x) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("NaN in percentile input");
            }
        }
        Arrays.sort(x);
        int n = x.length;
        BigDecimal k = BigDecimal.ONE.add(BigDecimal.valueOf(n - 1L).multiply(BigDecimal.valueOf(p)));
        int s = k.intValue();
        if (s >= n) {
            return x[n - 1];
        }
        BigDecimal fraction = k.subtract(BigDecimal.valueOf(s));
        BigDecimal lo = BigDecimal.valueOf(x[s - 1]);
        BigDecimal hi = BigDecimal.valueOf(x[s]);
        return lo.add(hi.subtract(lo).multiply(fraction), MathContext.DECIMAL64).doubleValue();
    }
}
