package org.airindex.pipeline;

import static org.airindex.pipeline.HourlyAqi.reported;

import org.airindex.domain.DailyValues;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Rounding;
import org.airindex.domain.RuleSet;
import org.airindex.records.DailyValue;

/** Fills validity and the daily AQI of a daily row, under the rule-set of its date (inputs as in {@link HourlyAqi}). */
final class DailyAqi {
    private DailyAqi() {}

    static void compute(DailyValue v, RuleChoice rules) {
        RuleSet rs = rules.forDate(java.time.LocalDate.parse(v.date));
        v.valid = true;
        for (Pollutant p : Pollutant.values()) {
            v.valid &= v.get(p) != null;
        }
        v.setAqi(rs.label(), rs.dailyAqi(DailyValues.of(reported(v, Pollutant.SO2), reported(v, Pollutant.NO2),
                reported(v, Pollutant.CO), reported(v, Pollutant.PM10), reported(v, Pollutant.PM25),
                reported(v, Pollutant.O3),
                Rounding.reported(Pollutant.O3, v.o3OneHourMaxValue()))));
    }
}
