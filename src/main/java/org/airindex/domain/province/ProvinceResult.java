package org.airindex.domain.province;

import java.io.Serializable;
import java.util.List;

/** The outcome of comparing a province's places for one period. */
public record ProvinceResult(String province, String period, ProvinceAverages averages, List<RankingEntry> rankings,
        List<GapEntry> gaps) implements Serializable {

    public ProvinceResult {
        rankings = List.copyOf(rankings);
        gaps = List.copyOf(gaps);
    }
}
