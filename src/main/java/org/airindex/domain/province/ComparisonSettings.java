package org.airindex.domain.province;

import java.io.Serializable;
import java.util.List;
import java.util.TreeSet;

/**
 * How the province compares its places; read from the {@code comparison} section of a scheme
 * file (see {@link RewardScheme}).
 *
 * @param bottomN         the "bottom N" (后N名) sizes to flag, e.g. [10, 20]; kept ascending and distinct
 * @param improvementRate how the provincial average improvement rate is formed. The notices say
 *                        only "全省平均改善率", which reads two ways: {@code mean_of_rates} (default)
 *                        = arithmetic mean of the places' own change rates; {@code rate_of_means} =
 *                        change rate of the provincial mean value against last year's provincial mean.
 *                        They differ whenever places with high values change by different rates.
 * @param unsettled       what becomes of a place whose period is not valid (too few valid days by HJ 663):
 *                        {@code exclude} (default) keeps it out of the ranking, the averages and the money,
 *                        with a {@link SettlementNote}; {@code rank_flagged} compares and settles it like
 *                        the others, flagged by the note.
 */
public record ComparisonSettings(List<Integer> bottomN, String improvementRate, String unsettled)
        implements Serializable {
    public static final String MEAN_OF_RATES = "mean_of_rates";
    public static final String RATE_OF_MEANS = "rate_of_means";
    public static final String EXCLUDE = "exclude";
    public static final String RANK_FLAGGED = "rank_flagged";

    public ComparisonSettings(List<Integer> bottomN, String improvementRate) {
        this(bottomN, improvementRate, null);
    }

    public ComparisonSettings {
        for (Integer n : bottomN) {
            if (n == null || n <= 0) {
                throw new IllegalArgumentException("bottom N must be positive: " + bottomN);
            }
        }
        bottomN = List.copyOf(new TreeSet<>(bottomN));
        if (improvementRate == null) {
            improvementRate = MEAN_OF_RATES;
        }
        if (!improvementRate.equals(MEAN_OF_RATES) && !improvementRate.equals(RATE_OF_MEANS)) {
            throw new IllegalArgumentException("improvement rate must be " + MEAN_OF_RATES + " or " + RATE_OF_MEANS
                    + ": " + improvementRate);
        }
        if (unsettled == null) {
            unsettled = EXCLUDE;
        }
        if (!unsettled.equals(EXCLUDE) && !unsettled.equals(RANK_FLAGGED)) {
            throw new IllegalArgumentException("unsettled must be " + EXCLUDE + " or " + RANK_FLAGGED + ": " + unsettled);
        }
    }
}
