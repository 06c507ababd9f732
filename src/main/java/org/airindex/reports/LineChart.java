package org.airindex.reports;

import java.util.List;
import java.util.Map;

/**
 * Lines over days, one per series (e.g. the province's daily AQI and PM2.5), with a gap where a day has no
 * value.
 *
 * @param days   the x labels, e.g. ISO dates
 * @param series by name, each with one value (or null) per day
 */
public record LineChart(String file, String title, List<String> days, Map<String, List<Double>> series)
        implements Chart {
    public LineChart {
        for (Map.Entry<String, List<Double>> s : series.entrySet()) {
            if (s.getValue().size() != days.size()) {
                throw new IllegalArgumentException(s.getKey() + " has " + s.getValue().size() + " values for "
                        + days.size() + " days");
            }
        }
        days = List.copyOf(days);
    }
}
