package org.airindex.domain.alerts;

import java.io.Serializable;

/**
 * What a rule finds at one evaluation: the level of its condition (0 = clear) and since when the
 * current state holds. Rules derive {@code since} from the data (the first hour of the run, or the
 * start of the first clear hour), so an alert's start does not depend on when it was evaluated.
 */
public record Condition(String type, String place, String station, int level, String levelName, long since,
        String values, String messageZh, String messageEn) implements Serializable {

    public boolean active() {
        return level > 0;
    }
}
