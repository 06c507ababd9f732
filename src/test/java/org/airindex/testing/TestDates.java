package org.airindex.testing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The day a test takes as today, never the machine's: {@value #PROPERTY} when set (jobs/test.sh runs the
 * tests tagged {@value #TAG} again under each of its edge dates: the 1st of a month, the 1st of January,
 * 29 February, the last day of a month, the day the rule-set switches), else {@link #DEFAULT}.
 */
public final class TestDates {
    public static final String PROPERTY = "airindex.test.today";
    /** Tag of the tests whose outcome may depend on the date they take as today. */
    public static final String TAG = "dates";
    /** A day in the middle of a month, away from every edge the date runs check. */
    public static final LocalDate DEFAULT = LocalDate.of(2026, 11, 18);

    private TestDates() {
    }

    public static LocalDate today() {
        String set = System.getProperty(PROPERTY, "");
        return set.isBlank() ? DEFAULT : LocalDate.parse(set.strip());
    }

    /** A clock that stands still at {@code time} of today in the zone. */
    public static Clock clock(ZoneId zone, LocalTime time) {
        return Clock.fixed(today().atTime(time).atZone(zone).toInstant(), zone);
    }
}
