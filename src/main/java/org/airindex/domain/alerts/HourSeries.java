package org.airindex.domain.alerts;

/**
 * A station's or place's values by hour end, as the rules read them: backwards from the hour being
 * judged, and usually only a few hours, so a series is a lookup, not a copy of the hours.
 */
@FunctionalInterface
public interface HourSeries<V> {
    /** The value of the hour ending at {@code hourEnd} (epoch ms), or null when it has none. */
    V at(long hourEnd);
}
