package org.airindex.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.airindex.alerts.CountyJumpAlerts;
import org.airindex.alerts.EpisodeAlerts;
import org.airindex.alerts.StationDataAlerts;
import org.airindex.alerts.TargetAlerts;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.config.StationRegistry;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.domain.alerts.AlertRules;
import org.airindex.pipeline.DeadLetters;
import org.airindex.pipeline.ExpectedPlaces;
import org.airindex.pipeline.Keys;
import org.airindex.pipeline.NationalTracker;
import org.airindex.pipeline.PlaceDaily;
import org.airindex.pipeline.PlaceHourly;
import org.airindex.pipeline.PlacePeriod;
import org.airindex.pipeline.ProvinceComparisons;
import org.airindex.pipeline.RuleChoice;
import org.airindex.pipeline.StationDaily;
import org.airindex.pipeline.StationHourly;
import org.airindex.pipeline.StationPeriod;
import org.airindex.pipeline.ValidateReadings;
import org.airindex.records.DailyValue;
import org.airindex.records.HourlyValue;
import org.airindex.records.PeriodValue;
import org.airindex.records.Places;
import org.airindex.records.ProvinceReport;
import org.airindex.records.RawReading;
import org.airindex.records.Reading;

/**
 * The airindex job: readings → validation (dead letters aside) → station hourly → county, city
 * and province hourly; station daily → place daily → month- and year-to-date per place → the
 * province's comparisons, with each station's month to date for its part in its place's gap; alert rules
 * on the station and place hours and the province's reports.
 * The same graph runs streaming from Kafka and in batch for replay; the source and the outputs are
 * given, so tests and commands plug in their own.
 */
public class AirIndexJob {
    private final AirIndexConfig config;
    private final StationRegistry registry;
    private final Source<RawReading, ?, ?> readings;
    private final Outputs outputs;
    /**
     * Whether places' hours and days are keyed per window, not per place. Batch fires a key's timers only
     * once its input is done: keyed by place, a province's windows of a whole replay would sit in state
     * together (a year of 1,000 stations: 8.76 M station hours, more than a 2 GB heap). Streaming keeps
     * the place key its savepoints hold, and closes windows as the watermark passes.
     */
    private boolean perWindow;

    public AirIndexJob(AirIndexConfig config, StationRegistry registry, Source<RawReading, ?, ?> readings,
            Outputs outputs) {
        this.config = config;
        this.registry = registry;
        this.readings = readings;
        this.outputs = outputs;
    }

    public void build(StreamExecutionEnvironment env) {
        ConfigLoader.requireFiles(config);
        Keys.requireDistinct(registry, config.namedPeriods());
        perWindow = env.getConfiguration().get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH;
        boolean perWindow = this.perWindow; // the key selectors must not capture the job
        RuleChoice rules = new RuleChoice(config.standards, config.rules, config.zone());
        var lateness = config.eventTime.allowedLateness;
        int minStations = config.places.minValidStations;

        // Rejected records carry no event time: the minimum keeps them from moving the watermark.
        WatermarkStrategy<RawReading> watermarks = WatermarkStrategy
                .<RawReading>forBoundedOutOfOrderness(config.eventTime.maxOutOfOrderness)
                .withTimestampAssigner((r, kafkaTs) -> r.reading == null ? Long.MIN_VALUE : r.reading.ts)
                .withIdleness(config.eventTime.idleness);

        SingleOutputStreamOperator<Reading> valid = env.fromSource(readings, watermarks, "readings")
                .uid("readings-source")
                .process(new ValidateReadings(registry, rules))
                .name("validate readings")
                .uid("validate-readings");

        SingleOutputStreamOperator<HourlyValue> stationHours = valid
                .keyBy(r -> Keys.station(r.station), Types.INT)
                .process(new StationHourly(registry, rules, lateness))
                .name("station hourly")
                .uid("station-hourly");

        DataStream<DailyValue> stationDays = keyedAsBefore(stationHours, h -> Keys.station(h.station))
                .process(new StationDaily(rules, lateness))
                .name("station daily")
                .uid("station-daily");

        Map<String, DataStream<HourlyValue>> hourly = new LinkedHashMap<>(Map.of(HourlyValue.STATION, stationHours));
        Map<String, DataStream<HourlyValue>> placeHours = new LinkedHashMap<>();
        for (String level : Places.PLACE_LEVELS) {
            DataStream<HourlyValue> hours = stationHours
                    .keyBy(v -> Keys.place(level, v.province, v.city, v.county, v.hourEnd, perWindow), Types.INT)
                    .process(new PlaceHourly(level, minStations, rules, lateness))
                    .name(level + " hourly")
                    .uid(level + "-hourly");
            placeHours.put(level, hours);
            hourly.put(level, hours);
        }

        // The province's days come first: each brings a placeholder day for every assessed place, so
        // that a place whose stations all sent nothing still closes the day (as missing).
        String assessed = config.province.assessed;
        Map<String, DataStream<DailyValue>> placeDaily = new LinkedHashMap<>();
        placeDaily.put(HourlyValue.PROVINCE, placeDays(stationDays, HourlyValue.PROVINCE, minStations, rules));
        DataStream<DailyValue> expected = placeDaily.get(HourlyValue.PROVINCE)
                .flatMap(new ExpectedPlaces(registry, assessed))
                .name("expected places")
                .uid("expected-places");
        for (String level : Places.PLACE_LEVELS) {
            if (!level.equals(HourlyValue.PROVINCE)) {
                placeDaily.put(level, placeDays(level.equals(assessed) ? stationDays.union(expected) : stationDays,
                        level, minStations, rules));
            }
        }
        Map<String, DataStream<DailyValue>> daily = new LinkedHashMap<>(Map.of(HourlyValue.STATION, stationDays));
        DataStream<DailyValue> placeDays = null;
        for (String level : Places.PLACE_LEVELS) {
            daily.put(level, placeDaily.get(level));
            placeDays = placeDays == null ? placeDaily.get(level) : placeDays.union(placeDaily.get(level));
        }

        DataStream<PeriodValue> periods = placeDays
                .keyBy(d -> Keys.place(d.placeKey()), Types.INT)
                .process(new PlacePeriod(rules, config.province.baselinesPath(), config.namedPeriods()))
                .name("period to date")
                .uid("period-to-date");

        // Each station's month, for its part in its place's gap to the provincial average (station contributions).
        DataStream<PeriodValue> stationMonths = keyedAsBefore(stationDays, d -> Keys.station(d.station))
                .process(new StationPeriod(rules, lateness))
                .name("station month to date")
                .uid("station-period");

        DataStream<ProvinceReport> province = periods
                .filter(p -> p.level.equals(assessed))
                .name("assessed places")
                .uid("assessed-places")
                .union(stationMonths)
                .keyBy(p -> Keys.province(p.province, p.kind), Types.INT)
                .process(new ProvinceComparisons(rules, config.province.scheme, config.province.baselinesPath(),
                        lateness, config.province.whatifCuts))
                .name("province comparisons")
                .uid("province-comparisons");

        if (AirIndexConfig.names(config.national.table)) {
            outputs.national(periods
                    .flatMap(new NationalTracker(config.national.table, config.national.bottomN, rules))
                    .name("national estimates")
                    .uid("national-estimates"));
        }
        outputs.alerts(alerts(stationHours, placeHours, province, rules));

        outputs.hourly(hourly);
        outputs.daily(daily);
        outputs.periods(periods);
        outputs.province(province);
        outputs.deadLetters(valid.getSideOutput(DeadLetters.TAG).union(stationHours.getSideOutput(DeadLetters.TAG)));
    }

    private DataStream<DailyValue> placeDays(DataStream<DailyValue> days, String level, int minStations,
            RuleChoice rules) {
        boolean perWindow = this.perWindow;
        return days
                .keyBy(d -> Keys.place(level, d.province, d.city, d.county, d.dayEnd, perWindow), Types.INT)
                .process(new PlaceDaily(level, minStations, rules, config.eventTime.allowedLateness))
                .name(level + " daily")
                .uid(level + "-daily");
    }

    /**
     * A keyed operator's output keyed again by the same key. Each result is emitted by the subtask that
     * holds its key, so the next operator is chained to it instead of every record being serialized
     * through a shuffle (README, Performance). In batch a key's results come out together, as its timers
     * fire when its input is done, so the next operator still sees its input grouped by key, as batch keyed
     * state requires (ReplayMatchesStreamingTest, ReplayParallelismTest); there it saves only a code path.
     */
    private <T> KeyedStream<T, Integer> keyedAsBefore(DataStream<T> stream, KeySelector<T, Integer> key) {
        return DataStreamUtils.reinterpretAsKeyedStream(stream, key, Types.INT);
    }

    /**
     * Alert rules of conf/alerts.yaml: pollution episodes per place, suspicious data per station and
     * per county, targets at risk per province. Each operator keeps its alerts' lifecycle in keyed state.
     */
    private DataStream<AlertEvent> alerts(DataStream<HourlyValue> stationHours,
            Map<String, DataStream<HourlyValue>> placeHours, DataStream<ProvinceReport> province, RuleChoice rules) {
        AlertRules alertRules = AlertRules.loadOrDefault(config.alerts);
        DataStream<AlertEvent> events = keyedAsBefore(stationHours, h -> Keys.station(h.station))
                .process(new StationDataAlerts(alertRules, config.zone()))
                .name("station data alerts")
                .uid("station-data-alerts");
        events = events.union(stationHours
                .keyBy(h -> Keys.place(HourlyValue.COUNTY, h.province, h.city, h.county), Types.INT)
                .process(new CountyJumpAlerts(alertRules, config.zone(), config.eventTime.allowedLateness))
                .name("county jump alerts")
                .uid("county-jump-alerts"));
        for (var e : placeHours.entrySet()) {
            if (EpisodeAlerts.applies(alertRules, e.getKey())) {
                // Per-window place keys (batch) hand a place's hours to several subtasks: gather them again.
                KeySelector<HourlyValue, Integer> place = h -> Keys.place(h.placeKey());
                events = events.union((perWindow ? e.getValue().keyBy(place, Types.INT) : keyedAsBefore(e.getValue(), place))
                        .process(new EpisodeAlerts(alertRules, rules, e.getKey()))
                        .name(e.getKey() + " episode alerts")
                        .uid(e.getKey() + "-episode-alerts"));
            }
        }
        return events.union(province
                .keyBy(r -> Keys.province(r.province, r.kind), Types.INT)
                .process(new TargetAlerts(alertRules, rules, config.province.scheme))
                .name("target alerts")
                .uid("target-alerts"));
    }
}
