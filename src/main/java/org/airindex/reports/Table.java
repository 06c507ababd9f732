package org.airindex.reports;

import java.util.List;

/**
 * A table of a report, the same cells in its HTML, its PDF and its CSV file.
 *
 * @param file the CSV file's name without extension, e.g. {@code settlement}
 */
public record Table(String file, String caption, List<String> header, List<List<String>> rows) {
    public Table {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
