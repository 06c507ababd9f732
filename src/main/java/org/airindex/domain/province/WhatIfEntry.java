package org.airindex.domain.province;

import java.io.Serializable;

/**
 * One place's month if its remaining days ran {@code cut} µg/m³ lower PM2.5 a day, the other places as they
 * are ({@link WhatIf}): its projected values, ranks and money, next to its money now.
 *
 * @param days      the remaining days the cut applies to
 * @param bottomOf  the smallest bottom N (composite index) the place would be in, null for none
 * @param totalNow  the place's settlement now, whole CNY; null when the scheme settles nothing of it
 * @param totalThen the same after the cut
 */
public record WhatIfEntry(String place, String period, double cut, int days, Double pm25, Double composite,
        Integer compositeRank, Integer pm25Rank, int of, Integer bottomOf, Long totalNow, Long totalThen)
        implements Serializable {
}
