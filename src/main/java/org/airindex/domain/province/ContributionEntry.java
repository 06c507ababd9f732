package org.airindex.domain.province;

import java.io.Serializable;

/**
 * One station's part in its place's gap to the provincial average value on one indicator ({@link
 * StationContributions}).
 *
 * @param indicator  {@code composite} or {@code pm25}
 * @param value      the station's period value, null when it has none
 * @param placeValue the place's period value, null when it has none
 * @param difference value − placeValue, null without both
 * @param share      the station's share of the sum of its place's stations' gaps to the provincial average value;
 *                   null when the station has no value or that sum is 0
 * @param rank       by share, largest first, competition numbering; null without a share
 * @param stations   the place's stations in the report, with or without a value
 */
public record ContributionEntry(String place, String station, String period, String indicator, Double value,
        Double placeValue, Double difference, Double share, Integer rank, int stations) implements Serializable {
}
