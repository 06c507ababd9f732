package org.airindex.domain.province;

import java.io.Serializable;
import org.airindex.domain.ChangeRate;

/**
 * One place's period-to-date figures and those of the same period last year; any figure may be
 * null (not available). Pass the values as the province compares them (reported or unrounded):
 * averages, ranks, gaps and money are computed from exactly what is given.
 *
 * @param place            "province/city/county", e.g. "山西省/太原市/小店区" (county names repeat across cities)
 * @param composite        composite index of the period so far
 * @param pm25             PM2.5 mean of the period so far, µg/m³
 * @param compositeLastYear composite index of the same period last year
 * @param pm25LastYear     PM2.5 mean of the same period last year, µg/m³
 * @param daysSoFar        days of the period elapsed (28 on 28 November for a monthly period)
 * @param daysInPeriod     days of the whole period (30 for November)
 */
public record PlaceStanding(String place, Double composite, Double pm25, Double compositeLastYear, Double pm25LastYear,
        int daysSoFar, int daysInPeriod) implements Serializable {

    public PlaceStanding {
        if (place == null || place.isBlank()) {
            throw new IllegalArgumentException("place is required");
        }
        if (daysInPeriod <= 0 || daysSoFar < 0 || daysSoFar > daysInPeriod) {
            throw new IllegalArgumentException(place + ": days so far " + daysSoFar + " outside 0.." + daysInPeriod);
        }
    }

    /** 同比 change rate of the composite index in percent (one decimal, negative = better); null without both values. */
    public Double compositeChange() {
        return change(composite, compositeLastYear);
    }

    /** 同比 change rate of PM2.5 in percent (one decimal, negative = better); null without both values. */
    public Double pm25Change() {
        return change(pm25, pm25LastYear);
    }

    private static Double change(Double now, Double lastYear) {
        return now == null || lastYear == null ? null : ChangeRate.percent(now, lastYear);
    }
}
