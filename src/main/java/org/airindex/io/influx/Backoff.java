package org.airindex.io.influx;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The wait before each retry of one request. A server that says how long to wait ({@code Retry-After},
 * seconds or an HTTP date, RFC 9110 §10.2.3) is obeyed, up to {@link #MAX_RETRY_AFTER}. Otherwise the
 * wait doubles from the configured first one up to a cap. Every wait is spread by a random share
 * (here up to a quarter of it), so that the parallel writers of a job that failed together do not
 * retry together and overload a recovering server again.
 */
final class Backoff {
    /** Keeps a generous retry count from turning doubling waits into hours. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    /** A header asking for longer (or a garbled one) must not stall the job: past this, checkpoints time out anyway. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);
    private static final double JITTER = 0.25;

    private final Clock clock;
    private final RandomGenerator random;
    private Duration next;

    Backoff(Duration first, Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
        this.next = first;
    }

    /** The wait before the next retry, given the failed response's headers (empty when there was none). */
    Duration next(Map<String, String> headers) {
        Duration base = retryAfter(headers);
        if (base == null) {
            base = next;
            next = min(next.multipliedBy(2), MAX_BACKOFF);
        }
        long spread = (long) (base.toMillis() * JITTER);
        return base.plusMillis(spread <= 0 ? 0 : random.nextLong(spread + 1));
    }

    private Duration retryAfter(Map<String, String> headers) {
        if (headers == null) {
            return null;
        }
        String value = null;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if ("Retry-After".equalsIgnoreCase(h.getKey())) {
                value = h.getValue();
            }
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.trim();
        Duration wait;
        if (value.chars().allMatch(Character::isDigit)) {
            // More digits than a long holds still means "longer than we wait".
            wait = value.length() > 12 ? MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(value));
        } else {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(clock.instant(), at);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return wait.isNegative() ? Duration.ZERO : min(wait, MAX_RETRY_AFTER);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
