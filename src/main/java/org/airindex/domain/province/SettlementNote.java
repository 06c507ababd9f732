package org.airindex.domain.province;

import java.io.Serializable;

/**
 * Why a place is not compared like the others in a period's report, so that nobody mistakes a county
 * that is missing from a ranking for one that is not assessed.
 *
 * @param place  "province/city/county"
 * @param period the period, e.g. "2026-11"
 * @param reason {@link #INVALID_PERIOD} or {@link #NO_DATA}
 * @param detail the counts behind the reason, in words
 * @param ranked whether the place is still ranked, averaged and settled (a scheme's {@code rank_flagged})
 */
public record SettlementNote(String place, String period, String reason, String detail, boolean ranked)
        implements Serializable {
    /** Too few valid days for the period to be valid by HJ 663, counting the days to come as valid. */
    public static final String INVALID_PERIOD = "invalid_period";
    /** No valid value of any pollutant on the report's day: its period so far stands, the day counts as missing. */
    public static final String NO_DATA = "no_data";
}
