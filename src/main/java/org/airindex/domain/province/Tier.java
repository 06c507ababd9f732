package org.airindex.domain.province;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One step of a coefficient table.
 *
 * @param upTo       the largest difference the step covers (inclusive, in the indicator's own scale); null = no upper end
 * @param cnyPerUnit CNY per {@link CoefficientRule#unit()} of difference within the step
 */
public record Tier(BigDecimal upTo, BigDecimal cnyPerUnit) implements Serializable {
}
