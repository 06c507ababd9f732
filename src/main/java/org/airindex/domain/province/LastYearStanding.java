package org.airindex.domain.province;

import java.io.Serializable;

/**
 * A place's annual result of last year, which decides whether a reward scheme applies to it.
 *
 * @param compositeRank last year's competition rank by composite index, null when unranked
 */
public record LastYearStanding(String place, Double composite, Double pm25, Integer compositeRank)
        implements Serializable {
}
