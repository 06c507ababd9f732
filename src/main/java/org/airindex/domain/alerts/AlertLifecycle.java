package org.airindex.domain.alerts;

import java.time.Duration;

/**
 * The life of one alert (type, place, station): it opens once when its condition appears, escalates
 * when the condition reaches a higher level, and closes when the condition has been clear for
 * {@code clearFor}; while open nothing repeats and a lower level changes nothing. After a close the
 * next appearance opens a new alert (new start, new id).
 *
 * <p>An evaluation older than the latest one comes from late (corrected) data. It may open or
 * escalate, because a warning that the corrected data supports should go out, but it never starts a
 * clear spell: the later evaluations already judged the time after it, and a sent warning is never
 * retracted, only closed by the normal rule.
 */
public final class AlertLifecycle {
    private AlertLifecycle() {
    }

    /** The state after an evaluation (null = no alert open) and the event it causes, if any. */
    public record Step(AlertState state, AlertEvent event) {
    }

    public static Step step(AlertState open, Condition c, long at, Duration clearFor) {
        if (open == null) {
            if (!c.active()) {
                return new Step(null, null);
            }
            String id = AlertEvent.idOf(c.type(), c.place(), c.station(), c.since());
            AlertState s = new AlertState(id, c.type(), c.place(), c.station(), c.level(), c.levelName(), c.since(),
                    null, at);
            return new Step(s, event(s, AlertEvent.OPEN, null, at, c));
        }
        long lastAt = Math.max(open.lastAt(), at);
        if (c.active()) {
            // A late evaluation that finds the condition does not undo a clear spell seen since.
            Long clearSince = at < open.lastAt() ? open.clearSince() : null;
            if (c.level() > open.level()) {
                AlertState s = new AlertState(open.id(), open.type(), open.place(), open.station(), c.level(),
                        c.levelName(), open.start(), clearSince, lastAt);
                return new Step(s, event(s, AlertEvent.ESCALATE, null, at, c));
            }
            return new Step(with(open, clearSince, lastAt), null);
        }
        if (at < open.lastAt()) {
            return new Step(open, null);
        }
        long clearSince = open.clearSince() == null ? c.since() : open.clearSince();
        if (at - clearSince >= clearFor.toMillis()) {
            return new Step(null, event(open, AlertEvent.CLOSE, clearSince, at, c));
        }
        return new Step(with(open, clearSince, lastAt), null);
    }

    private static AlertState with(AlertState s, Long clearSince, long lastAt) {
        return new AlertState(s.id(), s.type(), s.place(), s.station(), s.level(), s.levelName(), s.start(),
                clearSince, lastAt);
    }

    private static AlertEvent event(AlertState s, String phase, Long end, long at, Condition c) {
        Condition.Text text = c.describe();
        return new AlertEvent(s.id(), s.type(), s.level(), s.levelName(), s.place(), s.station(), phase, s.start(),
                end, at, text.values(), text.zh(), text.en());
    }
}
