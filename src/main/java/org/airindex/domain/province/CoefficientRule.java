package org.airindex.domain.province;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Turns the size of a difference from the base into money by stepped tiers. Tier bounds are in the
 * indicator's own scale (µg/m³, index, percentage points); rates are CNY per {@code unit} of
 * difference (e.g. 1 µg/m³, 0.1 of composite index, 1 percentage point).
 *
 * @param unit                 size of one unit of difference
 * @param tiers                ascending steps, the last without an upper end
 * @param higherRateApplies    {@code excess}: each step's rate applies to the part of the difference
 *                             within it (like income tax); {@code whole}: the rate of the step the
 *                             difference falls in applies to all of it. The published PM2.5 rule does
 *                             not say which, so it is config.
 * @param capCny               largest amount of one settlement, null for none
 * @param illustrative         true when the coefficients are not from a published rule
 */
public record CoefficientRule(BigDecimal unit, List<Tier> tiers, String higherRateApplies, BigDecimal capCny,
        boolean illustrative) implements Serializable {
    public static final String EXCESS = "excess";
    public static final String WHOLE = "whole";

    public CoefficientRule {
        tiers = List.copyOf(tiers);
        if (unit.signum() <= 0) {
            throw new IllegalArgumentException("unit must be positive: " + unit);
        }
        if (tiers.isEmpty() || tiers.get(tiers.size() - 1).upTo() != null) {
            throw new IllegalArgumentException("the last tier must have no upper end: " + tiers);
        }
        BigDecimal previous = BigDecimal.ZERO;
        for (int i = 0; i < tiers.size(); i++) {
            Tier t = tiers.get(i);
            if (t.cnyPerUnit().signum() < 0) {
                throw new IllegalArgumentException("a tier rate is negative: " + t);
            }
            if (i < tiers.size() - 1) {
                if (t.upTo() == null || t.upTo().compareTo(previous) <= 0) {
                    throw new IllegalArgumentException("tier upper ends must increase: " + tiers);
                }
                previous = t.upTo();
            }
        }
        if (!EXCESS.equals(higherRateApplies) && !WHOLE.equals(higherRateApplies)) {
            throw new IllegalArgumentException("higher rate applies to " + EXCESS + " or " + WHOLE + ": "
                    + higherRateApplies);
        }
        if (capCny != null && capCny.signum() <= 0) {
            throw new IllegalArgumentException("cap must be positive: " + capCny);
        }
    }

    /** The unrounded, unsigned amount for a difference of the given size (either sign) from the base. */
    public BigDecimal amountCny(BigDecimal difference) {
        BigDecimal size = difference.abs();
        BigDecimal amount = higherRateApplies.equals(WHOLE) ? whole(size) : excess(size);
        return capCny == null ? amount : amount.min(capCny);
    }

    private BigDecimal whole(BigDecimal size) {
        for (Tier t : tiers) {
            if (t.upTo() == null || size.compareTo(t.upTo()) <= 0) {
                return price(size, t);
            }
        }
        throw new IllegalStateException("the last tier is open-ended");
    }

    private BigDecimal excess(BigDecimal size) {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal lower = BigDecimal.ZERO;
        for (Tier t : tiers) {
            BigDecimal upper = t.upTo() == null ? size : t.upTo().min(size);
            if (upper.compareTo(lower) <= 0) {
                break;
            }
            amount = amount.add(price(upper.subtract(lower), t));
            lower = upper;
        }
        return amount;
    }

    private BigDecimal price(BigDecimal span, Tier t) {
        return span.divide(unit, MathContext.DECIMAL64).multiply(t.cnyPerUnit());
    }
}
