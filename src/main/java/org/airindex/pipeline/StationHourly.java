package org.airindex.pipeline;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.airindex.config.StationRegistry;
import org.airindex.domain.Exact;
import org.airindex.domain.Pollutant;
import org.airindex.io.json.ReadingJson;
import org.airindex.records.DeadLetter.Reason;
import org.airindex.records.HourlyValue;
import org.airindex.records.Reading;

/**
 * A station's 1-hour values (STANDARDS.md §1): the time-weighted mean of the readings inside each
 * end-labelled hour, valid per pollutant with enough minutes of data, and the hourly AQI. A
 * reading re-sent for the same timestamp is merged into the earlier copy (its non-missing values
 * win); a reading later than the allowed lateness goes to the dead letter as {@code too_late}.
 */
public class StationHourly extends CorrectableWindow<Reading, HourlyValue> {
    private static final long serialVersionUID = 1L;

    private final StationRegistry registry;
    private final RuleChoice rules;
    private transient DeadLetters deadLetters;

    public StationHourly(StationRegistry registry, RuleChoice rules, Duration allowedLateness) {
        super(Reading.class, allowedLateness.toMillis());
        this.registry = registry;
        this.rules = rules;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        deadLetters = new DeadLetters(getRuntimeContext().getMetricGroup());
    }

    @Override
    protected long windowEnd(Reading r) {
        return RuleChoice.hourEnd(r.ts);
    }

    @Override
    protected String inputId(Reading r) {
        return Long.toString(r.ts);
    }

    @Override
    protected Reading merge(Reading earlier, Reading later) {
        if (earlier.intervalS == later.intervalS) {
            for (Pollutant p : Pollutant.values()) {
                if (later.get(p) == null) {
                    later.set(p, earlier.get(p));
                }
            }
        }
        return later;
    }

    /** A station that left the registry while its hours were open in state (a restore): its readings are dead letters. */
    @Override
    protected List<Reading> usable(List<Reading> inHour, Context ctx) {
        String station = inHour.get(0).station;
        if (registry.get(station) != null) {
            return inHour;
        }
        for (Reading r : inHour) {
            ctx.output(DeadLetters.TAG, deadLetters.count(Reason.UNKNOWN_STATION,
                    "station " + station + " is not in the registry any more (its hour was open when the job was restored)",
                    origin(r), ReadingJson.write(r)));
        }
        return List.of();
    }

    @Override
    protected void onTooLate(Reading r, long watermark, Context ctx) {
        ctx.output(DeadLetters.TAG, deadLetters.count(Reason.TOO_LATE,
                "hour ending " + windowEnd(r) + " closed more than " + latenessMs + " ms before watermark " + watermark,
                origin(r), ReadingJson.write(r)));
    }

    /** A reading restored from state written before readings kept their origin names its station. */
    private static String origin(Reading r) {
        return r.origin != null ? r.origin : "station " + r.station;
    }

    @Override
    protected HourlyValue close(long hourEnd, List<Reading> inHour) {
        HourlyValue v = HourlyValue.ofStation(registry.get(inHour.get(0).station), hourEnd);
        long minSeconds = rules.forHour(hourEnd).validity().minMinutesPerHour() * 60L;
        boolean anyValid = false;
        for (Pollutant p : Pollutant.values()) {
            int readings = 0;
            long seconds = 0;
            Double first = null;
            for (Reading r : inHour) {
                Double c = r.get(p);
                if (c != null) {
                    first = readings++ == 0 ? c : first;
                    seconds += r.intervalS;
                }
            }
            if (seconds >= minSeconds) {
                // One reading for the hour (hourly data) is its own value; minute data average to a fraction.
                if (readings == 1) {
                    v.set(p, first);
                } else {
                    v.set(p, weightedMean(p, inHour, seconds));
                }
                anyValid = true;
            }
        }
        v.stations = anyValid ? 1 : 0;
        HourlyAqi.compute(v, rules);
        return v;
    }

    private static Exact weightedMean(Pollutant p, List<Reading> inHour, long seconds) {
        Exact weighted = Exact.ZERO;
        for (Reading r : inHour) {
            Double c = r.get(p);
            if (c != null) {
                weighted = weighted.plus(Exact.of(c).times(r.intervalS));
            }
        }
        return weighted.dividedBy(seconds);
    }
}
