package org.airindex.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.airindex.config.AirIndexConfig;
import org.airindex.domain.Period;
import org.airindex.domain.PeriodValues;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Rounding;
import org.airindex.domain.province.Baselines;
import org.airindex.domain.province.LastYearStanding;
import org.airindex.domain.province.PlaceStanding;
import org.airindex.domain.province.ProvinceComparison;
import org.airindex.domain.province.ProvinceResult;
import org.airindex.domain.province.RewardScheme;
import org.airindex.domain.province.SettlementNote;
import org.airindex.domain.province.SettlementRule;
import org.airindex.domain.province.StationContributions;
import org.airindex.domain.province.StationStanding;
import org.airindex.domain.province.WhatIf;
import org.airindex.domain.province.WhatIfEntry;
import org.airindex.records.PeriodValue;
import org.airindex.records.Places;
import org.airindex.records.ProvinceReport;

/**
 * The province's view of its assessed places for one period kind, as of each day (STANDARDS.md §4,
 * §6): provincial averages and improvement rate, rankings with bottom-N flags, gaps to target and,
 * for months, reward and penalty per the scheme. Keyed by province and period kind; a day's report
 * closes when the watermark passes its end, after every place's period value of that day arrived,
 * and a corrected place value re-issues it. For months, the stations' month values come along (see {@link
 * StationPeriod}): each station's part in its place's gap to the provincial average value ({@link
 * StationContributions}).
 *
 * <p>Places are compared on their reported values (composite index to 2 decimals, PM2.5 in whole
 * µg/m³), as published rankings do, so equal published figures tie; stations are compared alike, so that a
 * station's share follows from the figures shown next to it.
 */
public class ProvinceComparisons extends CorrectableWindow<PeriodValue, ProvinceReport> {
    private static final long serialVersionUID = 1L;
    /** A station's input id: unlike a place key, it never starts with a province's name. */
    private static final String STATION_ID = "station ";

    private final RuleChoice rules;
    private final String schemePath;
    private final String baselinesPath;
    private final List<Double> whatIfCuts;
    private transient RewardScheme scheme;
    private transient Baselines baselines;

    /** @param whatIfCuts the PM2.5 cuts (µg/m³ a day) each place's month is projected with, see {@link WhatIf} */
    public ProvinceComparisons(RuleChoice rules, String schemePath, String baselinesPath, Duration allowedLateness,
            List<Double> whatIfCuts) {
        super(PeriodValue.class, allowedLateness.toMillis());
        this.rules = rules;
        this.schemePath = schemePath;
        this.baselinesPath = baselinesPath;
        this.whatIfCuts = List.copyOf(whatIfCuts);
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        super.open(openContext);
        scheme = RewardScheme.fileOrDefault(schemePath, AirIndexConfig.names(schemePath));
        baselines = baselinesPath == null ? null : Baselines.load(Path.of(baselinesPath));
    }

    @Override
    protected long windowEnd(PeriodValue v) {
        return v.asOfEnd;
    }

    @Override
    protected String inputId(PeriodValue v) {
        return v.station == null ? v.placeKey() : STATION_ID + v.station;
    }

    /** Station values alone (their places' values not there yet) make no report. */
    @Override
    protected List<PeriodValue> usable(List<PeriodValue> inputs, Context ctx) {
        return inputs.stream().anyMatch(v -> v.station == null) ? inputs : List.of();
    }

    @Override
    protected ProvinceReport close(long asOfEnd, List<PeriodValue> inputs) {
        List<PeriodValue> places = inputs.stream().filter(v -> v.station == null).toList();
        PeriodValue first = places.get(0);
        List<SettlementNote> notes = new ArrayList<>();
        List<PeriodValue> compared = comparedPlaces(places, notes);
        List<PlaceStanding> standings = compared.stream().map(PeriodValue::standing).toList();
        ProvinceResult result = ProvinceComparison.compare(first.province, first.period, standings, scheme.comparison());
        ProvinceReport r = new ProvinceReport();
        r.province = first.province;
        r.kind = first.kind;
        r.period = first.period;
        r.asOf = first.asOf;
        r.asOfEnd = asOfEnd;
        r.averages = result.averages();
        r.rankings = result.rankings();
        r.gaps = result.gaps();
        r.notes = notes;
        if (first.kind.equals(Period.MONTH)) {
            Map<String, LastYearStanding> lastYear = lastYear(compared, first.asOf);
            r.money = scheme.settle(first.period, result.averages(), standings, lastYear);
            r.whatIf = whatIf(first, compared, standings, new WhatIf.Outcome(result, r.money), lastYear);
            r.contributions = StationContributions.entries(first.period, standings, stations(first.level, inputs),
                    result.averages());
        }
        return r;
    }

    /** Each place's month if its remaining days ran lower by each cut; a place without the statistics is left out. */
    private List<WhatIfEntry> whatIf(PeriodValue first, List<PeriodValue> compared, List<PlaceStanding> standings,
            WhatIf.Outcome now, Map<String, LastYearStanding> lastYear) {
        Map<String, PeriodValues> values = new HashMap<>();
        for (PeriodValue v : compared) {
            values.put(v.placeKey(), v.reported());
        }
        LocalDate asOf = LocalDate.parse(first.asOf);
        return WhatIf.entries(first.province, first.period, standings, values, rules.forPeriod(asOf.withDayOfMonth(1),
                asOf), scheme, lastYear, now, whatIfCuts);
    }

    /** The places the province compares (see {@link SettlementRule}); their notes go to {@code notes}. */
    private List<PeriodValue> comparedPlaces(List<PeriodValue> places, List<SettlementNote> notes) {
        List<PeriodValue> compared = new ArrayList<>();
        for (PeriodValue v : places) {
            if (SettlementRule.compared(new SettlementRule.PeriodState(v.placeKey(), v.period, v.asOf, v.valid, v.noData,
                    v.validDays, v.daysSoFar, v.daysInPeriod), scheme.comparison(), notes)) {
                compared.add(v);
            }
        }
        return compared;
    }

    /** The stations' values among the inputs, each with the place of {@code level} that holds it. */
    private static List<StationStanding> stations(String level, List<PeriodValue> inputs) {
        return inputs.stream().filter(v -> v.station != null).map(v -> new StationStanding(Places.keyAt(level,
                v.province, v.city, v.county), v.station, v.composite, Rounding.reported(Pollutant.PM25,
                v.value(Pollutant.PM25)))).toList();
    }

    /** Last year's annual results from the baseline files decide which places the scheme covers. */
    private Map<String, LastYearStanding> lastYear(List<PeriodValue> places, String asOf) {
        if (baselines == null) {
            return Map.of();
        }
        LocalDate date = LocalDate.parse(asOf);
        return LastYearStanding.of(baselines, rules.forDate(date), date.getYear() - 1,
                places.stream().map(PeriodValue::placeKey).toList());
    }
}
