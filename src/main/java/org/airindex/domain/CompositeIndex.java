package org.airindex.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * 环境空气质量综合指数 I_sum = Σ w_i·C_i/S_i with each pollutant's sub-index I_i and share
 * (STANDARDS.md §4). Built by {@link RuleSet#compositeIndex(PeriodValues)}.
 */
public final class CompositeIndex implements Serializable {
    private static final long serialVersionUID = 1L;

    private final BigDecimal composite;
    private final double unroundedSum;
    private final Map<Pollutant, Double> subIndex;
    private final int sharePercentDecimals;

    CompositeIndex(Map<Pollutant, BigDecimal> subIndices, int decimals, int sharePercentDecimals) {
        BigDecimal sum = BigDecimal.ZERO;
        Map<Pollutant, Double> sub = new EnumMap<>(Pollutant.class);
        for (Map.Entry<Pollutant, BigDecimal> e : subIndices.entrySet()) {
            sum = sum.add(e.getValue());
            sub.put(e.getKey(), e.getValue().doubleValue());
        }
        this.composite = sum.setScale(decimals, RoundingMode.HALF_EVEN);
        this.unroundedSum = sum.doubleValue();
        this.subIndex = Collections.unmodifiableMap(sub);
        this.sharePercentDecimals = sharePercentDecimals;
    }

    /** I_sum rounded to the rule-set's decimals (2), half-even on the decimal value. */
    public double composite() {
        return composite.doubleValue();
    }

    /** I_sum as reported, keeping trailing zeros ("3.10"). */
    public BigDecimal compositeDecimal() {
        return composite;
    }

    public double unroundedComposite() {
        return unroundedSum;
    }

    /** I_i = w_i·C_i/S_i, unrounded. */
    public double subIndex(Pollutant p) {
        return subIndex.get(p);
    }

    /** I_i / I_sum as a fraction of 1 (0 when the index is 0). */
    public double share(Pollutant p) {
        return unroundedSum == 0 ? 0 : subIndex.get(p) / unroundedSum;
    }

    /** The share in percent, rounded half-even to the rule-set's {@code share_percent_decimals}. */
    public BigDecimal sharePercent(Pollutant p) {
        if (unroundedSum == 0) {
            return BigDecimal.ZERO.setScale(sharePercentDecimals);
        }
        return BigDecimal.valueOf(subIndex.get(p)).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(unroundedSum), MathContext.DECIMAL64)
                .setScale(sharePercentDecimals, RoundingMode.HALF_EVEN);
    }

    /** The pollutant with the largest sub-index; the first in {@link Pollutant} order on a tie. */
    public Pollutant largest() {
        return largestAll().get(0);
    }

    /** Every pollutant whose sub-index equals the largest. */
    public List<Pollutant> largestAll() {
        double max = Collections.max(subIndex.values());
        List<Pollutant> out = new ArrayList<>();
        for (Pollutant p : Pollutant.values()) {
            if (subIndex.get(p) == max) {
                out.add(p);
            }
        }
        return out;
    }
}
