package org.airindex.domain.province;

import java.io.Serializable;

/**
 * The provincial averages each place is compared with; null where no place has the value.
 *
 * @param composite       arithmetic mean of the composite index over the places that have one
 * @param pm25            arithmetic mean of PM2.5 over the places that have one, µg/m³
 * @param compositeChange provincial average improvement rate of the composite index, percent,
 *                        formed per {@link ComparisonSettings#improvementRate()}; a mean of rates is
 *                        left unrounded, since the places' rates are already rounded and rounding their
 *                        mean again would be the successive rounding STANDARDS.md §3 forbids
 * @param pm25Change      the same for PM2.5
 * @param places          number of places compared (with or without values)
 */
public record ProvinceAverages(Double composite, Double pm25, Double compositeChange, Double pm25Change, int places)
        implements Serializable {
}
