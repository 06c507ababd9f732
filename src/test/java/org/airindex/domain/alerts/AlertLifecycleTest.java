package org.airindex.domain.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {
    private static final long H = 3_600_000L;
    private static final Duration CLEAR_FOR = Duration.ofHours(2);

    private AlertState state;
    private final List<AlertEvent> events = new ArrayList<>();

    private void eval(int level, long since, long at) {
        AlertLifecycle.Step s = AlertLifecycle.step(state,
                new Condition("t", "P/C/X", null, level, level == 0 ? null : "L" + level, since,
                        () -> new Condition.Text("v", "zh", "en")), at,
                CLEAR_FOR);
        state = s.state();
        if (s.event() != null) {
            events.add(s.event());
        }
    }

    private void active(int level, long since, long hour) {
        eval(level, since, hour * H);
    }

    private void clear(long hour) {
        eval(0, (hour - 1) * H, hour * H);
    }

    @Test
    void opensOnceEscalatesAndClosesAfterTheClearSpell() {
        active(1, 9 * H, 10);
        active(1, 9 * H, 11);          // no repeat
        active(2, 9 * H, 12);          // escalate
        active(1, 9 * H, 13);          // lower level while open: nothing
        clear(14);                     // clear since 13:00
        assertEquals(List.of("open", "escalate"), events.stream().map(AlertEvent::phase).toList());
        clear(15);                     // 15 - 13 = 2 h = clear_for: close
        assertEquals(List.of("open", "escalate", "close"), events.stream().map(AlertEvent::phase).toList());
        AlertEvent open = events.get(0);
        AlertEvent close = events.get(2);
        assertEquals(9 * H, open.start());
        assertNull(open.end());
        assertEquals(2, events.get(1).level());
        assertEquals(open.id(), events.get(1).id());
        assertEquals(open.id(), close.id());
        assertEquals(2, close.level());
        assertEquals(13 * H, close.end());
        assertEquals(15 * H, close.at());
        assertNull(state);
    }

    @Test
    void aReturnWithinTheClearSpellKeepsTheAlertOpenAndRestartsTheSpell() {
        active(1, 9 * H, 10);
        clear(11);
        active(1, 9 * H, 12);
        clear(13);                     // clear since 12:00, 1 h
        assertEquals(List.of("open"), events.stream().map(AlertEvent::phase).toList());
        clear(14);                     // 2 h
        assertEquals(List.of("open", "close"), events.stream().map(AlertEvent::phase).toList());
        assertEquals(12 * H, events.get(1).end());
    }

    @Test
    void reopeningAfterACloseIsANewAlertWithANewId() {
        active(1, 9 * H, 10);
        clear(11);
        clear(12);
        clear(13);
        active(1, 20 * H, 21);
        assertEquals(List.of("open", "close", "open"), events.stream().map(AlertEvent::phase).toList());
        assertNotEquals(events.get(0).id(), events.get(2).id());
        assertEquals(20 * H, events.get(2).start());
    }

    @Test
    void theIdDependsOnlyOnTypePlaceStationAndStart() {
        assertEquals(AlertEvent.idOf("t", "P/C/X", null, 5), AlertEvent.idOf("t", "P/C/X", null, 5));
        assertNotEquals(AlertEvent.idOf("t", "P/C/X", null, 5), AlertEvent.idOf("t", "P/C/X", "S1", 5));
        assertNotEquals(AlertEvent.idOf("t", "P/C/X", null, 5), AlertEvent.idOf("u", "P/C/X", null, 5));
        active(1, 9 * H, 10);
        assertEquals(AlertEvent.idOf("t", "P/C/X", null, 9 * H), events.get(0).id());
    }

    @Test
    void aLateEvaluationMayOpenOrEscalateButNeverClears() {
        active(1, 9 * H, 10);
        clear(11);                     // clear since 10:00
        active(2, 9 * H, 10);          // corrected hour 10: escalates, the later clear hour still stands
        eval(0, 9 * H, 10 * H);        // corrected hour 10 clear: ignored
        assertEquals(List.of("open", "escalate"), events.stream().map(AlertEvent::phase).toList());
        clear(12);                     // 12 - 10 = 2 h
        assertEquals(List.of("open", "escalate", "close"), events.stream().map(AlertEvent::phase).toList());
        assertEquals(10 * H, events.get(2).end());
        assertEquals(12 * H, events.get(2).at());
    }

    @Test
    void aLateEvaluationOpensWhenNothingIsOpen() {
        clear(11);
        active(1, 9 * H, 10);
        assertEquals(List.of("open"), events.stream().map(AlertEvent::phase).toList());
        assertEquals(10 * H, events.get(0).at());
    }

    @Test
    void aClearConditionWithNothingOpenDoesNothing() {
        clear(10);
        assertEquals(List.of(), events);
        assertNull(state);
    }
}
