package org.airindex.domain.province;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.airindex.domain.Ranking;
import org.airindex.domain.RuleSet;

/**
 * A place's annual result of last year, which decides whether a reward scheme applies to it.
 *
 * @param compositeRank last year's competition rank by composite index, null when unranked
 */
public record LastYearStanding(String place, Double composite, Double pm25, Integer compositeRank)
        implements Serializable {
    /**
     * Last year's annual results of the places, from the baseline files (the row of the year): the composite
     * index under the given rule-set, ranked among the places that have one, and PM2.5.
     */
    public static Map<String, LastYearStanding> of(Baselines baselines, RuleSet rs, int year, Collection<String> places) {
        Map<String, Double> composite = new HashMap<>();
        Map<String, Double> pm25 = new HashMap<>();
        for (String place : places) {
            baselines.get(place, Integer.toString(year)).ifPresent(p -> {
                if (p.missing().isEmpty()) {
                    composite.put(place, rs.compositeIndex(p).composite());
                }
                pm25.put(place, p.pm25() == null ? null : p.pm25().doubleValue());
            });
        }
        Map<String, Integer> rank = new HashMap<>();
        Ranking.competition(composite).forEach(r -> rank.put(r.item(), r.rank()));
        Map<String, LastYearStanding> out = new HashMap<>();
        for (String place : pm25.keySet()) {
            out.put(place, new LastYearStanding(place, composite.get(place), pm25.get(place), rank.get(place)));
        }
        return out;
    }
}
