package org.airindex.pipeline;

import org.airindex.domain.HourlyValues;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Rounding;
import org.airindex.domain.RuleSet;
import org.airindex.records.Concentrations;
import org.airindex.records.HourlyValue;

/**
 * Fills the AQI part of an hourly row from its concentrations, under the rule-set of its date. The
 * concentrations enter as reported, rounded on their exact values (a mean of minute data or of stations
 * is a fraction its double only approximates); rounding them again in the IAQI changes nothing.
 */
final class HourlyAqi {
    private HourlyAqi() {}

    static void compute(HourlyValue v, RuleChoice rules) {
        RuleSet rs = rules.forHour(v.hourEnd);
        v.setAqi(rs.label(), rs.hourlyAqi(HourlyValues.of(reported(v, Pollutant.SO2), reported(v, Pollutant.NO2),
                reported(v, Pollutant.CO), reported(v, Pollutant.O3), reported(v, Pollutant.PM10),
                reported(v, Pollutant.PM25))));
    }

    /** The concentration as reported, rounded on its exact value; null = missing. */
    static Double reported(Concentrations c, Pollutant p) {
        return Rounding.reported(p, c.value(p));
    }
}
