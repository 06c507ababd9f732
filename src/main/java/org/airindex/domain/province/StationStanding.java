package org.airindex.domain.province;

import java.io.Serializable;

/**
 * One station's period-to-date figures, as the province compares its places (reported: composite index to
 * 2 decimals, PM2.5 in whole µg/m³); either may be null (not available).
 *
 * @param place   the assessed place that holds the station, e.g. "山西省/太原市/小店区"
 * @param station the station code, e.g. "1081A"
 */
public record StationStanding(String place, String station, Double composite, Double pm25) implements Serializable {
}
