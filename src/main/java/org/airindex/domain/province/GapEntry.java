package org.airindex.domain.province;

import java.io.Serializable;

/**
 * How far a place is from a target on one indicator.
 *
 * @param indicator   {@code composite} or {@code pm25}
 * @param target      {@code provincial_average}, or {@code leave_bottom_<N>} for each bottom N the place is in
 * @param current     the place's period-to-date value
 * @param targetValue the bound the period value must get strictly below: for the provincial average the
 *                    mean of the other places (the average moves with the place's own value), to leave the
 *                    bottom N the value of the (of − N)-th best of the others; reported also when already met
 * @param reduction   current − targetValue, how far the period value must fall (to just below the bound);
 *                    0 when current ≤ targetValue
 * @param dailyNeeded the mean daily level needed over the remaining days for the whole period to reach
 *                    the target, null when no days remain; negative when the target is out of reach this
 *                    period. For the composite index this is an approximation: it treats the index as a
 *                    mean of daily indices, while its CO and O3 percentile terms are not additive over days.
 */
public record GapEntry(String place, String period, String indicator, String target, double current,
        Double targetValue, double reduction, Double dailyNeeded) implements Serializable {
}
