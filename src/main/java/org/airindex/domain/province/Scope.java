package org.airindex.domain.province;

import java.io.Serializable;
import java.util.Map;

/**
 * Which places a reward scheme settles, judged on last year's annual results.
 *
 * @param all                every place is in scope; the criteria below are then unused
 * @param bottomLastYear     in scope when in last year's bottom N by composite index (rank > ranked − N)
 * @param pm25AboveLastYear  in scope when last year's PM2.5 was above this, µg/m³
 * @param rule               {@code any}: one configured criterion is enough; {@code all}: every one must hold
 */
public record Scope(boolean all, Integer bottomLastYear, Double pm25AboveLastYear, String rule)
        implements Serializable {
    public static final String ANY = "any";
    public static final String ALL = "all";

    public Scope {
        if (!all && bottomLastYear == null && pm25AboveLastYear == null) {
            throw new IllegalArgumentException("a scope needs all, bottom_last_year or pm25_above_last_year");
        }
        if (!ANY.equals(rule) && !ALL.equals(rule)) {
            throw new IllegalArgumentException("scope rule must be " + ANY + " or " + ALL + ": " + rule);
        }
    }

    /**
     * Whether the place is in scope. {@code lastYear} must hold last year's whole ranking, since the
     * bottom N is counted from the number of places ranked; a place missing from it meets no criterion.
     */
    public boolean includes(String place, Map<String, LastYearStanding> lastYear) {
        if (all) {
            return true;
        }
        LastYearStanding s = lastYear.get(place);
        int ranked = (int) lastYear.values().stream().filter(x -> x.compositeRank() != null).count();
        boolean anyHolds = false;
        boolean allHold = true;
        if (bottomLastYear != null) {
            boolean holds = s != null && s.compositeRank() != null && s.compositeRank() > ranked - bottomLastYear;
            anyHolds |= holds;
            allHold &= holds;
        }
        if (pm25AboveLastYear != null) {
            boolean holds = s != null && s.pm25() != null && s.pm25() > pm25AboveLastYear;
            anyHolds |= holds;
            allHold &= holds;
        }
        return rule.equals(ANY) ? anyHolds : allHold;
    }
}
