package org.airindex.jobs;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.StationRegistry;
import org.airindex.io.influx.HourlyPoints;
import org.airindex.pipeline.DeadLetters;
import org.airindex.pipeline.PlaceHourly;
import org.airindex.pipeline.RuleChoice;
import org.airindex.pipeline.StationHourly;
import org.airindex.pipeline.ValidateReadings;
import org.airindex.records.DeadLetter;
import org.airindex.records.HourlyValue;
import org.airindex.records.Places;
import org.airindex.records.RawReading;
import org.airindex.records.Reading;

/**
 * The airindex streaming job: readings → validation (dead letters aside) → station hourly →
 * county, city and province hourly → InfluxDB. Sources and sinks are given, so tests and the
 * replay command plug in their own; {@code RunCommand} builds the production ones from config.
 */
public class AirIndexJob {
    private final AirIndexConfig config;
    private final StationRegistry registry;
    private final Source<RawReading, ?, ?> readings;
    private final Sink<String> influx;
    private final Sink<DeadLetter> deadLetters;

    public AirIndexJob(AirIndexConfig config, StationRegistry registry, Source<RawReading, ?, ?> readings,
            Sink<String> influx, Sink<DeadLetter> deadLetters) {
        this.config = config;
        this.registry = registry;
        this.readings = readings;
        this.influx = influx;
        this.deadLetters = deadLetters;
    }

    public void build(StreamExecutionEnvironment env) {
        RuleChoice rules = new RuleChoice(config.standards, config.rules, config.zone());

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
                .process(new StationHourly(registry, rules, config.eventTime.allowedLateness))
                .name("station hourly")
                .uid("station-hourly");

        DataStream<HourlyValue> hourly = stationHours;
        for (String level : new String[] {HourlyValue.COUNTY, HourlyValue.CITY, HourlyValue.PROVINCE}) {
            PlaceHourly op = new PlaceHourly(level, config.places.minValidStations, rules,
                    config.eventTime.allowedLateness);
            hourly = hourly.union(stationHours
                    .keyBy(v -> Places.keyAt(level, v.province, v.city, v.county), Types.STRING)
                    .process(op)
                    .name(level + " hourly")
                    .uid(level + "-hourly"));
        }

        hourly.map(HourlyPoints::line)
                .returns(Types.STRING)
                .name("hourly points")
                .uid("hourly-points")
                .sinkTo(influx)
                .name("influxdb")
                .uid("influxdb-sink");

        valid.getSideOutput(DeadLetters.TAG)
                .union(stationHours.getSideOutput(DeadLetters.TAG))
                .sinkTo(deadLetters)
                .name("dead letters")
                .uid("dead-letter-sink");
    }
}
