package org.airindex.domain.province;

import java.io.Serializable;

/**
 * One place's rank on one metric; ascending values, smaller is better, competition numbering (1, 1, 3).
 *
 * @param metric   {@code composite}, {@code pm25}, {@code composite_change} or {@code pm25_change}
 * @param of       number of places ranked on this metric (places lacking it are left out)
 * @param bottomOf the smallest configured N whose bottom N (后N名) holds the place, null when none does.
 *                 The bottom N are the N worst plus every place tied with the N-th worst
 *                 ({@link org.airindex.domain.Ranking#bottom}): a place is in when fewer than N places are
 *                 strictly worse. With competition ranks "rank > of − N" would leave a tie that straddles
 *                 the boundary out (and could leave the bottom 1 empty when the two worst tie).
 */
public record RankingEntry(String province, String period, String metric, int rank, String place, double value,
        int of, Integer bottomOf) implements Serializable {
}
