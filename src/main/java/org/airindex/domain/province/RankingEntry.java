package org.airindex.domain.province;

import java.io.Serializable;

/**
 * One place's rank on one metric; ascending values, smaller is better, competition numbering (1, 1, 3).
 *
 * @param metric   {@code composite}, {@code pm25}, {@code composite_change} or {@code pm25_change}
 * @param of       number of places ranked on this metric (places lacking it are left out)
 * @param bottomOf the smallest configured N whose bottom N (后N名) holds the place, null when none does;
 *                 a place is in the bottom N when rank > of − N, so a tie at the boundary is in
 */
public record RankingEntry(String province, String period, String metric, int rank, String place, double value,
        int of, Integer bottomOf) implements Serializable {
}
