package org.airindex.reports;

import java.util.List;

/**
 * A horizontal bar chart of one value per place, with a reference line (the provincial average).
 *
 * @param file      the PNG file's name without extension
 * @param reference null for none
 */
public record BarChart(String file, String title, List<String> labels, List<Double> values, Double reference,
        String referenceLabel) implements Chart {
    public BarChart {
        if (labels.size() != values.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + values.size() + " values");
        }
        labels = List.copyOf(labels);
        values = List.copyOf(values);
    }
}
