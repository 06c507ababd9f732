package org.airindex.pipeline;

import org.airindex.domain.HourlyValues;
import org.airindex.domain.RuleSet;
import org.airindex.records.HourlyValue;

/** Fills the AQI part of an hourly row from its concentrations, under the rule-set of its date. */
final class HourlyAqi {
    private HourlyAqi() {}

    static void compute(HourlyValue v, RuleChoice rules) {
        RuleSet rs = rules.forHour(v.hourEnd);
        v.setAqi(rs.id(), rs.hourlyAqi(HourlyValues.of(v.so2, v.no2, v.co, v.o3, v.pm10, v.pm25)));
    }
}
