package org.airindex.io.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);

    private static void assertWithinJitter(Duration base, Duration wait) {
        assertTrue(wait.compareTo(base) >= 0 && wait.compareTo(base.plus(base.dividedBy(4))) <= 0,
                wait + " is not within a quarter above " + base);
    }

    @Test
    void waitsDoubleUpToTheCapEachSpreadByUpToAQuarter() {
        Backoff b = new Backoff(Duration.ofMillis(500), CLOCK, new Random(1));
        Duration base = Duration.ofMillis(500);
        for (int i = 0; i < 12; i++) {
            assertWithinJitter(base, b.next(Map.of()));
            base = base.multipliedBy(2).compareTo(Backoff.MAX_BACKOFF) > 0 ? Backoff.MAX_BACKOFF : base.multipliedBy(2);
        }
    }

    @Test
    void writersThatFailedTogetherDoNotRetryTogether() {
        Set<Duration> waits = new HashSet<>();
        Random random = new Random(7);
        for (int writer = 0; writer < 20; writer++) {
            waits.add(new Backoff(Duration.ofSeconds(2), CLOCK, random).next(null));
        }
        assertTrue(waits.size() > 15, "20 writers drew only " + waits.size() + " distinct waits");
    }

    @Test
    void theServersRetryAfterIsObeyedInSecondsOrAsADate() {
        Backoff b = new Backoff(Duration.ofMillis(500), CLOCK, new Random(3));
        assertWithinJitter(Duration.ofSeconds(30), b.next(Map.of("retry-after", "30")));
        assertWithinJitter(Duration.ofSeconds(90), b.next(Map.of("Retry-After", "Tue, 01 Dec 2026 08:01:30 GMT")));
        assertEquals(Duration.ZERO, b.next(Map.of("Retry-After", "Tue, 01 Dec 2026 07:00:00 GMT")), "a date passed");
        // The server's waits did not advance the doubling: the first own wait is still the configured one.
        assertWithinJitter(Duration.ofMillis(500), b.next(Map.of("Content-Type", "text/plain")));
    }

    @Test
    void aHostileOrGarbledRetryAfterNeitherStallsNorBreaksTheWriter() {
        Backoff b = new Backoff(Duration.ofMillis(500), CLOCK, new Random(5));
        assertWithinJitter(Backoff.MAX_RETRY_AFTER, b.next(Map.of("Retry-After", "999999999999999999999999")));
        assertWithinJitter(Backoff.MAX_RETRY_AFTER, b.next(Map.of("Retry-After", "86400")));
        assertWithinJitter(Backoff.MAX_RETRY_AFTER, b.next(Map.of("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT")));
        assertWithinJitter(Duration.ofMillis(500), b.next(Map.of("Retry-After", "soon")));
        assertWithinJitter(Duration.ofSeconds(1), b.next(Map.of("Retry-After", "-5")));
        assertWithinJitter(Duration.ofSeconds(2), b.next(Map.of("Retry-After", "")));
    }
}
