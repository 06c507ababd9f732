package org.airindex.pipeline;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.airindex.config.StationRegistry;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Validity;
import org.airindex.records.DeadLetter.Reason;
import org.airindex.records.RawReading;
import org.airindex.records.Reading;

/**
 * Lets through readings the job can use and sets the rest aside with a reason: records the source
 * could not parse, stations missing from the registry, and impossible values (negative, NaN, above
 * the rule-set's plausibility bound). An impossible value is removed from the reading, which keeps
 * its other pollutants, and the whole record goes to the dead letter so nothing is lost.
 */
public class ValidateReadings extends ProcessFunction<RawReading, Reading> {
    private static final long serialVersionUID = 1L;

    private final StationRegistry registry;
    private final RuleChoice rules;
    private transient DeadLetters deadLetters;

    public ValidateReadings(StationRegistry registry, RuleChoice rules) {
        this.registry = registry;
        this.rules = rules;
    }

    @Override
    public void open(OpenContext openContext) {
        deadLetters = new DeadLetters(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(RawReading in, Context ctx, Collector<Reading> out) {
        if (in.reading == null) {
            ctx.output(DeadLetters.TAG, deadLetters.count(in.reason, in.detail, in.origin, in.text));
            return;
        }
        Reading r = in.reading;
        if (registry.get(r.station) == null) {
            ctx.output(DeadLetters.TAG, deadLetters.count(Reason.UNKNOWN_STATION,
                    "station " + r.station + " is not in the registry", in.origin, in.text));
            return;
        }
        Validity validity = rules.forHour(RuleChoice.hourEnd(r.ts)).validity();
        StringBuilder impossible = new StringBuilder();
        for (Pollutant p : Pollutant.values()) {
            Double v = r.get(p);
            if (v != null && !validity.plausible(p, v)) {
                impossible.append(impossible.length() == 0 ? "" : "; ").append(p.code()).append('=').append(v)
                        .append(v < 0 || v.isNaN() ? " is negative or NaN" : " is above the plausible maximum");
                r.set(p, (Double) null);
            }
        }
        if (impossible.length() > 0) {
            ctx.output(DeadLetters.TAG, deadLetters.count(Reason.IMPOSSIBLE_VALUE,
                    impossible + " (value dropped, the rest of the reading kept)", in.origin, in.text));
        }
        out.collect(r);
    }
}
