package org.airindex.domain.alerts;

import java.util.function.Supplier;

/**
 * What a rule finds at one evaluation: the level of its condition (0 = clear) and since when the
 * current state holds. Rules derive {@code since} from the data (the first hour of the run, or the
 * start of the first clear hour), so an alert's start does not depend on when it was evaluated.
 *
 * <p>The wording is built only when an event is sent: rules run for every station and place every
 * hour, and almost every evaluation changes nothing.
 */
public record Condition(String type, String place, String station, int level, String levelName, long since,
        Supplier<Text> text) {

    /** An event's {@code values} field ({@code key=value;…}) and its messages in Chinese and English. */
    public record Text(String values, String zh, String en) {
    }

    public boolean active() {
        return level > 0;
    }

    public Text describe() {
        return text.get();
    }
}
