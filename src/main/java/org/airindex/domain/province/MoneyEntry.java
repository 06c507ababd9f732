package org.airindex.domain.province;

import java.io.Serializable;

/**
 * One settled comparison of one place.
 *
 * @param indicator    {@code composite} or {@code pm25}
 * @param comparison   {@code average_value} or {@code improvement_rate}
 * @param amountCny    positive = reward, negative = penalty; whole CNY
 * @param amountWan    the same in 万元 (10,000 CNY), 4 decimals
 * @param illustrative true when the coefficients are illustrative defaults, not a published rule
 */
public record MoneyEntry(String place, String period, String indicator, String comparison, double amountCny,
        double amountWan, boolean illustrative) implements Serializable {
}
