package org.airindex.domain;

import java.io.Serializable;

/**
 * A statistic over a series with its counts. An invalid statistic is still reported (STANDARDS.md §1):
 * {@code exact} is computed from the valid values there are (null if none) and {@code valid} says
 * whether the count met the rule-set threshold.
 */
public record Statistic(Exact exact, int validCount, int invalidCount, boolean valid) implements Serializable {
    /** The double nearest the statistic; null if none. */
    public Double value() {
        return exact == null ? null : exact.toDouble();
    }
}
