package org.airindex.io.json;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.airindex.config.AirIndexConfig;

/**
 * The times a reading may plausibly carry: not before {@code earliest} (a reset device clock says 1970)
 * and not more than {@code maxAhead} past the processing clock (a device clock in 2099). Checked as the
 * record is parsed, before its time can reach a watermark: one reading dated 2099 would otherwise close
 * every window of its partition and send the province's later readings to the dead letter as too late.
 */
public record TimeBounds(Instant earliest, Duration maxAhead, Clock clock) implements Serializable {
    public static TimeBounds of(AirIndexConfig config) {
        return new TimeBounds(config.eventTime.earliest.atStartOfDay(ZoneOffset.UTC).toInstant(), config.eventTime.maxAhead,
                config.processingClock);
    }

    /** Why the time is implausible, or null when it is not. */
    public String problem(long epochMillis) {
        Instant t = Instant.ofEpochMilli(epochMillis);
        if (t.isBefore(earliest)) {
            return "ts " + t + " is before " + earliest + " (event_time.earliest)";
        }
        Instant latest = clock.instant().plus(maxAhead);
        if (t.isAfter(latest)) {
            return "ts " + t + " is more than " + maxAhead + " ahead of the processing time " + clock.instant()
                    + " (event_time.max_ahead)";
        }
        return null;
    }
}
