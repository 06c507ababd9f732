package org.airindex.records;

import org.airindex.domain.Exact;
import org.airindex.domain.PeriodValues;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Rounding;
import org.airindex.domain.province.PlaceStanding;

/**
 * A place's period-to-date statistics (STANDARDS.md §3–§4), as of the end of one day: month to
 * date ({@code period} "2026-11"), year to date ("2026-01..2026-11") or a named period to date
 * ("autumn-winter 2026-10-01..2027-03-31"), from the place's daily series, with the composite index,
 * shares, and the comparison with the same days last year. A station's month to date (level "station")
 * carries its code and its place's names, and no comparison with last year.
 */
public class PeriodValue extends ExactValues {
    private static final String PM25_LAST_YEAR = "pm25_last_year";

    public String level;
    /** The station's code at level "station", else null. */
    public String station;
    public String county;
    public String city;
    public String province;
    /** {@link org.airindex.domain.Period#kind()}: month, ytd or a named period's name. */
    public String kind;
    public String period;
    /** The last day included, ISO yyyy-MM-dd, and the end of that day in epoch milliseconds. */
    public String asOf;
    public long asOfEnd;
    public int daysSoFar;
    public int daysInPeriod;
    public Double so2;
    public Double no2;
    public Double pm10;
    public Double pm25;
    public Double coP95;
    public Double o3P90;
    /** Null unless all six statistics exist. */
    public Double composite;
    public Double shareSo2;
    public Double shareNo2;
    public Double sharePm10;
    public Double sharePm25;
    public Double shareCo;
    public Double shareO3;
    public String largest;
    /** Fewest valid days over the six pollutants. */
    public int validDays;
    /** Valid by the monthly/annual rule, counting the days still to come as if they were valid. */
    public boolean valid;
    /** The as-of day itself has no valid value of any pollutant (the place's stations sent nothing usable). */
    public boolean noData;
    /** Days with AQI ≤ 100 (优良天数) and above 100 (超标天数). */
    public int goodDays;
    public int overDays;
    public String rules;
    public Double compositeLastYear;
    public Double pm25LastYear;
    public Double compositeChange;
    public Double pm25Change;
    /** Where last year's values came from: "history" (this job's own days), "file" (conf/baselines), or null. */
    public String baseline;

    public PeriodValue() {}

    @Override
    public Double get(Pollutant p) {
        return switch (p) {
            case SO2 -> so2;
            case NO2 -> no2;
            case CO -> coP95;
            case O3 -> o3P90;
            case PM10 -> pm10;
            case PM25 -> pm25;
        };
    }

    /** The six statistics as reported (µg/m³ integers, CO one decimal): what the province compares. */
    public PeriodValues reported() {
        return PeriodValues.of(Rounding.reported(Pollutant.SO2, value(Pollutant.SO2)),
                Rounding.reported(Pollutant.NO2, value(Pollutant.NO2)), Rounding.reported(Pollutant.PM10,
                        value(Pollutant.PM10)), Rounding.reported(Pollutant.PM25, value(Pollutant.PM25)),
                Rounding.reported(Pollutant.CO, value(Pollutant.CO)), Rounding.reported(Pollutant.O3, value(Pollutant.O3)));
    }

    /**
     * The place as the province compares it: composite index, PM2.5 as reported (whole µg/m³, as published rankings
     * compare them, so equal published figures tie), last year's, and the days so far.
     */
    public PlaceStanding standing() {
        return new PlaceStanding(placeKey(), composite, Rounding.reported(Pollutant.PM25, value(Pollutant.PM25)),
                compositeLastYear, Rounding.reported(Pollutant.PM25, pm25LastYearValue()), daysSoFar, daysInPeriod);
    }

    /** Last year's PM2.5 for the same days, as exact as it was computed. */
    public Number pm25LastYearValue() {
        return value(PM25_LAST_YEAR, pm25LastYear);
    }

    /** Sets last year's PM2.5: a statistic of this job's own days, or a double from a baseline file. */
    public void pm25LastYear(Number v) {
        pm25LastYear = v instanceof Exact e ? keep(PM25_LAST_YEAR, e) : v == null ? null : v.doubleValue();
    }

    @Override
    protected void setDouble(Pollutant p, Double v) {
        switch (p) {
            case SO2 -> so2 = v;
            case NO2 -> no2 = v;
            case CO -> coP95 = v;
            case O3 -> o3P90 = v;
            case PM10 -> pm10 = v;
            case PM25 -> pm25 = v;
        }
    }

    public void setShare(Pollutant p, Double v) {
        switch (p) {
            case SO2 -> shareSo2 = v;
            case NO2 -> shareNo2 = v;
            case CO -> shareCo = v;
            case O3 -> shareO3 = v;
            case PM10 -> sharePm10 = v;
            case PM25 -> sharePm25 = v;
        }
    }

    public String placeKey() {
        return Places.keyAt(level, province, city, county);
    }

    @Override
    public String toString() {
        return "PeriodValue{" + placeKey() + " " + period + " as of " + asOf + " composite=" + composite + " pm25=" + pm25
                + " validDays=" + validDays + " valid=" + valid + " change=" + compositeChange + "/" + pm25Change + "}";
    }
}
