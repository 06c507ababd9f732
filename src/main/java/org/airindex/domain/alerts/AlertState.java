package org.airindex.domain.alerts;

import java.io.Serializable;

/**
 * An open alert as its operator keeps it in keyed state.
 *
 * @param level      the highest level reached: an alert escalates but does not step down while open
 * @param clearSince start of the current clear spell, null while the condition holds
 * @param lastAt     event time of the latest evaluation
 */
public record AlertState(String id, String type, String place, String station, int level, String levelName,
        long start, Long clearSince, long lastAt) implements Serializable {
}
