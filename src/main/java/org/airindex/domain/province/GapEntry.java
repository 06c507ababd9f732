package org.airindex.domain.province;

import java.io.Serializable;

/**
 * How far a place is from a target on one indicator.
 *
 * @param indicator   {@code composite} or {@code pm25}
 * @param target      {@code provincial_average}, or {@code leave_bottom_<N>} for each bottom N the place is in
 * @param current     the place's period-to-date value
 * @param targetValue the period value that meets the target (for the average: the bound to get strictly
 *                    below, the average moving with the place's own value); reported also when already met
 * @param reduction   how much the period value must fall, 0 when the target is already met
 * @param dailyNeeded the mean daily level needed over the remaining days for the whole period to reach
 *                    the target, null when no days remain; negative when the target is out of reach this
 *                    period. For the composite index this is an approximation: it treats the index as a
 *                    mean of daily indices, while its CO and O3 percentile terms are not additive over days.
 */
public record GapEntry(String place, String period, String indicator, String target, double current,
        Double targetValue, double reduction, Double dailyNeeded) implements Serializable {
}
