package org.airindex.io.influx;

import java.util.List;

/**
 * The InfluxDB lines of one result, and the points they replace when the result is a recomputation
 * (a window corrected by a late reading): its own point, or for a province report every ranking, gap,
 * note and amount it wrote before, since a place may have left a list since.
 *
 * @param endMillis the end of the result's window, which is the time of its points
 */
public record ResultLines(List<String> lines, List<Replace> replaces, long endMillis) {
}
