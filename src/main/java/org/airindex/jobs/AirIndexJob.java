package org.airindex.jobs;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.StationRegistry;
import org.airindex.pipeline.DeadLetters;
import org.airindex.pipeline.PlaceDaily;
import org.airindex.pipeline.PlaceHourly;
import org.airindex.pipeline.PlacePeriod;
import org.airindex.pipeline.ProvinceComparisons;
import org.airindex.pipeline.RuleChoice;
import org.airindex.pipeline.StationDaily;
import org.airindex.pipeline.StationHourly;
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
 * province's comparisons. The same graph runs streaming from Kafka and in batch for replay; the
 * source and the outputs are given, so tests and commands plug in their own.
 */
public class AirIndexJob {
    private final AirIndexConfig config;
    private final StationRegistry registry;
    private final Source<RawReading, ?, ?> readings;
    private final Outputs outputs;

    public AirIndexJob(AirIndexConfig config, StationRegistry registry, Source<RawReading, ?, ?> readings,
            Outputs outputs) {
        this.config = config;
        this.registry = registry;
        this.readings = readings;
        this.outputs = outputs;
    }

    public void build(StreamExecutionEnvironment env) {
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
                .keyBy(r -> r.station, Types.STRING)
                .process(new StationHourly(registry, rules, lateness))
                .name("station hourly")
                .uid("station-hourly");

        DataStream<DailyValue> stationDays = stationHours
                .keyBy(h -> h.station, Types.STRING)
                .process(new StationDaily(rules, lateness))
                .name("station daily")
                .uid("station-daily");

        DataStream<HourlyValue> hourly = stationHours;
        DataStream<DailyValue> daily = stationDays;
        DataStream<DailyValue> placeDays = null;
        for (String level : Places.PLACE_LEVELS) {
            hourly = hourly.union(stationHours
                    .keyBy(v -> Places.keyAt(level, v.province, v.city, v.county), Types.STRING)
                    .process(new PlaceHourly(level, minStations, rules, lateness))
                    .name(level + " hourly")
                    .uid(level + "-hourly"));
            DataStream<DailyValue> days = stationDays
                    .keyBy(d -> Places.keyAt(level, d.province, d.city, d.county), Types.STRING)
                    .process(new PlaceDaily(level, minStations, rules, lateness))
                    .name(level + " daily")
                    .uid(level + "-daily");
            daily = daily.union(days);
            placeDays = placeDays == null ? days : placeDays.union(days);
        }

        DataStream<PeriodValue> periods = placeDays
                .keyBy(DailyValue::placeKey, Types.STRING)
                .process(new PlacePeriod(rules, config.province.baselinesPath()))
                .name("period to date")
                .uid("period-to-date");

        String assessed = config.province.assessed;
        DataStream<ProvinceReport> province = periods
                .filter(p -> p.level.equals(assessed))
                .name("assessed places")
                .uid("assessed-places")
                .keyBy(p -> p.province + "|" + p.kind, Types.STRING)
                .process(new ProvinceComparisons(rules, config.province.scheme, config.province.baselinesPath(),
                        lateness))
                .name("province comparisons")
                .uid("province-comparisons");

        outputs.hourly(hourly);
        outputs.daily(daily);
        outputs.periods(periods);
        outputs.province(province);
        outputs.deadLetters(valid.getSideOutput(DeadLetters.TAG).union(stationHours.getSideOutput(DeadLetters.TAG)));
    }
}
