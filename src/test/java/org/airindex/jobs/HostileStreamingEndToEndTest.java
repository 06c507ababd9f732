package org.airindex.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.config.StationRegistry;
import org.airindex.io.influx.InfluxQl;
import org.airindex.io.influx.Series;
import org.airindex.io.json.DeadLetterJson;
import org.airindex.records.DeadLetter;
import org.airindex.testing.HostileReadings;
import org.airindex.testing.RealServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming job (parallelism 2, real Kafka and InfluxDB) reads three days of valid readings alone,
 * then the same readings with more than 10,000 hostile records mixed in ({@link HostileReadings}), each
 * run into its own topics and database. Every point of every measurement is the same; every hostile
 * record is on the dead-letter topic with its reason and its topic-partition@offset; and neither run
 * restarts (restarts are switched off, so anything that would have restarted the job fails the test).
 */
class HostileStreamingEndToEndTest {
    private static final int HOSTILE = 10_500;

    @TempDir
    static Path work;
    static RealServers servers;
    static AirIndexConfig clean;
    static AirIndexConfig mixed;
    static List<HostileReadings.Line> mixedLines;
    static List<RecordMetadata> mixedOffsets;

    @BeforeAll
    static void runBoth() throws Exception {
        StationRegistry registry = StationRegistry.load(Path.of("conf/stations.csv"));
        List<HostileReadings.Line> valid = HostileReadings.valid(registry);
        mixedLines = HostileReadings.mix(valid, HOSTILE, 20261202L);

        clean = config();
        servers = RealServers.start(work, clean);
        mixed = config();
        mixed.kafka.bootstrap = clean.kafka.bootstrap;
        mixed.kafka.startingOffsets = clean.kafka.startingOffsets;
        mixed.influx.api = clean.influx.api;
        mixed.influx.url = clean.influx.url;
        mixed.kafka.readingsTopic = "mixed.readings";
        mixed.kafka.deadLetterTopic = "mixed.readings.dlq";
        mixed.kafka.alertsTopic = "mixed.alerts";
        mixed.kafka.group = "airindex-mixed";
        mixed.kafka.alertsTransactionalIdPrefix = "airindex-mixed-alerts";
        mixed.influx.database = "mixed";
        servers.kafka.createTopics(2, mixed.kafka.readingsTopic, mixed.kafka.alertsTopic);
        servers.kafka.createTopics(1, mixed.kafka.deadLetterTopic);
        servers.influxd.createDatabase(mixed.influx.database);

        servers.produce(clean.kafka.readingsTopic, records(valid));
        mixedOffsets = servers.produce(mixed.kafka.readingsTopic, records(mixedLines));
        run(clean, registry);
        run(mixed, registry);
    }

    /** The project's configuration, its processing clock just after the readings' three days. */
    private static AirIndexConfig config() {
        AirIndexConfig c = ConfigLoader.load(Path.of("conf/airindex.yaml"));
        c.processingClock = Clock.fixed(Instant.parse("2026-11-04T00:00:00Z"), ZoneOffset.UTC);
        return c;
    }

    private static List<String[]> records(List<HostileReadings.Line> lines) {
        return lines.stream().map(l -> new String[] {l.key(), l.text()}).toList();
    }

    /** Without restarts, a failure anywhere (a task, a checkpoint, a sink write) fails the run. */
    private static void run(AirIndexConfig config, StationRegistry registry) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = RealServers.environment(config, conf);
        ProductionIo.job(config, registry, true).build(env);
        env.execute("hostile input, " + config.kafka.readingsTopic);
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    /** Every point of every measurement, with its tags and fields, in a stable order. */
    private static List<String> dump(AirIndexConfig config) throws Exception {
        InfluxQl q = InfluxQl.of(ProductionIo.influx(config.influx));
        List<String> points = new ArrayList<>();
        for (Series list : q.query("SHOW MEASUREMENTS")) {
            for (List<Object> name : list.values()) {
                for (Series s : q.query("SELECT * FROM " + InfluxQl.identifier((String) name.get(0)) + " GROUP BY *")) {
                    for (Map<String, Object> row : s.rows()) {
                        points.add(s.name() + new TreeMap<>(s.tags()) + new TreeMap<>(row));
                    }
                }
            }
        }
        return points;
    }

    @Test
    void everyPointOfEveryMeasurementIsTheSame() throws Exception {
        List<String> expected = dump(clean);
        assertTrue(expected.size() > 5_000, "the clean run wrote " + expected.size() + " points");
        assertTrue(expected.stream().map(p -> p.substring(0, p.indexOf('{'))).distinct().count() >= 10,
                "measurements: " + expected.stream().map(p -> p.substring(0, p.indexOf('{'))).distinct().toList());
        List<String> actual = dump(mixed);
        assertEquals(expected.size(), actual.size(), "points written");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "point " + i);
        }
    }

    @Test
    void everyHostileRecordIsADeadLetterWithItsReasonAndOrigin() {
        Map<String, String> expected = new HashMap<>();
        long resends = 0;
        for (int i = 0; i < mixedLines.size(); i++) {
            HostileReadings.Line line = mixedLines.get(i);
            if (line.hostile() && line.reason() == null) {
                resends++;
            } else if (line.hostile()) {
                RecordMetadata at = mixedOffsets.get(i);
                expected.put(at.topic() + "-" + at.partition() + "@" + at.offset(), line.reason());
            }
        }
        assertTrue(expected.size() > 9_000, "hostile records with a reason: " + expected.size());
        Map<String, String> actual = new HashMap<>();
        for (ConsumerRecord<String, String> r : servers.readAll(mixed.kafka.deadLetterTopic, false)) {
            DeadLetter d = DeadLetterJson.read(r.value());
            String before = actual.put(d.origin, d.reason);
            assertEquals(null, before, "one dead letter per record: " + d.origin);
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), actual.get(e.getKey()), "dead letter of " + e.getKey());
        }
        assertEquals(expected.size(), actual.size(), "no dead letter for a valid reading or an exact re-send ("
                + resends + " of them)");
        assertEquals(List.of(), servers.readAll(clean.kafka.deadLetterTopic, false), "the clean feed has none");
    }
}
