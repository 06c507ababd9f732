package org.airindex.pipeline;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.airindex.domain.Exact;
import org.airindex.domain.O3EightHour;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Statistic;
import org.airindex.domain.Statistics;
import org.airindex.domain.Validity;
import org.airindex.records.DailyValue;
import org.airindex.records.HourlyValue;

/**
 * A station's daily values from its 1-hour values (STANDARDS.md §1): 24-hour means valid with
 * enough hours, the O3 daily max 8-hour value over the windows ending at hours 8..24, the O3 max
 * 1-hour value (held to the same minimum of hours as a daily mean), and the daily AQI. A day
 * closes when the watermark passes local midnight; a corrected hour re-emits its day.
 */
public class StationDaily extends CorrectableWindow<HourlyValue, DailyValue> {
    private static final long serialVersionUID = 1L;
    private static final long HOUR_MS = 3_600_000L;

    private final RuleChoice rules;

    public StationDaily(RuleChoice rules, Duration allowedLateness) {
        super(HourlyValue.class, allowedLateness.toMillis());
        this.rules = rules;
    }

    @Override
    protected long windowEnd(HourlyValue h) {
        return rules.dayEnd(rules.dateOfHour(h.hourEnd));
    }

    @Override
    protected String inputId(HourlyValue h) {
        return Long.toString(h.hourEnd);
    }

    @Override
    protected DailyValue close(long dayEnd, List<HourlyValue> hours) {
        HourlyValue first = hours.get(0);
        LocalDate date = rules.dateOfHour(first.hourEnd);
        long dayStart = rules.dayEnd(date.minusDays(1));
        Validity validity = rules.forDate(date).validity();
        // Slots for hours 1..24 of the local day (index 0 = hour 1).
        int slots = (int) ((dayEnd - dayStart) / HOUR_MS);
        Number[][] byPollutant = new Number[Pollutant.values().length][slots];
        for (HourlyValue h : hours) {
            int slot = (int) ((h.hourEnd - dayStart) / HOUR_MS) - 1;
            for (Pollutant p : Pollutant.values()) {
                byPollutant[p.ordinal()][slot] = h.value(p);
            }
        }
        DailyValue d = new DailyValue();
        d.level = HourlyValue.STATION;
        d.station = first.station;
        d.county = first.county;
        d.city = first.city;
        d.province = first.province;
        d.date = date.toString();
        d.dayEnd = dayEnd;
        for (Pollutant p : Pollutant.values()) {
            if (p != Pollutant.O3) {
                Statistic s = Statistics.dailyMean(p, Arrays.asList(byPollutant[p.ordinal()]), validity);
                d.set(p, s.valid() ? s.exact() : null);
            }
        }
        List<Number> o3 = Arrays.asList(byPollutant[Pollutant.O3.ordinal()]);
        O3EightHour.DailyMax max8h = O3EightHour.dailyMaxFromHours(o3, validity);
        d.set(Pollutant.O3, max8h.valid() ? max8h.value() : null);
        List<Number> o3Hours = Statistics.validValues(Pollutant.O3, o3, validity);
        d.o3OneHourMax(validity.dayValid(o3Hours.size())
                ? Exact.of(o3Hours.stream().max(Exact::compare).orElseThrow()) : null);
        d.stations = d.so2 != null || d.no2 != null || d.co != null || d.pm10 != null || d.pm25 != null
                || d.o3 != null ? 1 : 0;
        DailyAqi.compute(d, rules);
        return d;
    }
}
