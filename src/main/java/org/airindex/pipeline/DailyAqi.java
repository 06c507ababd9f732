package org.airindex.pipeline;

import org.airindex.domain.DailyValues;
import org.airindex.domain.Pollutant;
import org.airindex.domain.RuleSet;
import org.airindex.records.DailyValue;

/** Fills validity and the daily AQI of a daily row, under the rule-set of its date. */
final class DailyAqi {
    private DailyAqi() {}

    static void compute(DailyValue v, RuleChoice rules) {
        RuleSet rs = rules.forDate(java.time.LocalDate.parse(v.date));
        v.valid = true;
        for (Pollutant p : Pollutant.values()) {
            v.valid &= v.get(p) != null;
        }
        v.setAqi(rs.id(), rs.dailyAqi(DailyValues.of(v.so2, v.no2, v.co, v.pm10, v.pm25, v.o3,
                v.o3OneHourMax)));
    }
}
