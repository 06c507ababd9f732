package org.airindex.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.airindex.config.AirIndexConfig;
import org.airindex.io.influx.Series;
import org.airindex.jobs.ProductionIo;
import org.airindex.pipeline.Fixtures;
import org.airindex.testing.RealServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming job on real Kafka and InfluxDB, stopped with a savepoint while an alert is open and
 * restarted from it: station A1's flat line opens before the stop (hours 1..7 at the same PM2.5) and
 * closes after the restart (it moves from hour 8). Each change is on the topic once (read committed)
 * and in InfluxDB once; the restart sends no second open.
 */
class AlertsRestartEndToEndTest {
    @TempDir
    static Path work;
    static RealServers servers;
    static AirIndexConfig config;

    @BeforeAll
    static void start() throws Exception {
        config = new AirIndexConfig();
        config.checkpointing.interval = Duration.ofSeconds(1);
        config.checkpointing.minPause = Duration.ofMillis(200);
        // Both stations may hash to one partition; the other must not hold the watermark back for long.
        config.eventTime.idleness = Duration.ofSeconds(1);
        servers = RealServers.start(work, config);
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    private static void produce(int fromHour, int toHour) throws Exception {
        List<String[]> records = new ArrayList<>();
        for (int hour = fromHour; hour <= toHour; hour++) {
            String ts = String.format("2026-11-10T%02d:00:00+08:00", hour);
            double a1 = hour <= 7 ? 35 : 33 + hour;
            records.add(new String[] {"A1", "{\"station\":\"A1\",\"ts\":\"" + ts + "\",\"pm25\":" + a1
                    + ",\"pm10\":" + (60 + hour) + "}"});
            records.add(new String[] {"A2", "{\"station\":\"A2\",\"ts\":\"" + ts + "\",\"pm25\":" + (30 + hour)
                    + ",\"pm10\":" + (70 + hour) + "}"});
        }
        servers.produce(records);
    }

    private static JobClient startJob(String savepoint) throws Exception {
        Configuration conf = new Configuration();
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = RealServers.environment(config, conf);
        ProductionIo.job(config, Fixtures.REGISTRY, false).build(env);
        return env.executeAsync("alerts restart");
    }

    /** The committed alert events, as "type station phase at", once {@code expected} have arrived or 90 s passed. */
    private static List<String> waitForEvents(int expected) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 90_000;
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = List.of(new TopicPartition(config.kafka.alertsTopic, 0), new TopicPartition(config.kafka.alertsTopic, 1));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            while (out.size() < expected && System.currentTimeMillis() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode n = json.readTree(r.value());
                    out.add(n.get("type").asText() + " " + n.get("station").asText() + " " + n.get("phase").asText()
                            + " " + n.get("at").asLong());
                }
            }
            // Anything beyond the expected events (a repeat) would be committed by now as well.
            for (var r : consumer.poll(Duration.ofSeconds(3))) {
                out.add("unexpected " + r.value());
            }
        }
        return out;
    }

    @Test
    void anAlertOpenAcrossARestartIsSentOnceAndClosesAfterIt() throws Exception {
        long h6 = Fixtures.at("2026-11-10T06:00");
        long h8 = Fixtures.at("2026-11-10T08:00");
        produce(1, 7);
        JobClient first = startJob(null);
        assertEquals(List.of("flat_line.pm25 A1 open " + h6), waitForEvents(1));
        String savepoint = first.stopWithSavepoint(false, work.resolve("savepoints").toUri().toString(),
                SavepointFormatType.CANONICAL).get();

        produce(8, 9);
        JobClient second = startJob(savepoint);
        try {
            assertEquals(List.of("flat_line.pm25 A1 open " + h6, "flat_line.pm25 A1 close " + h8), waitForEvents(2));
        } finally {
            second.cancel().get();
        }
        List<Series> points = servers.influx()
                .query("SELECT count(id) FROM alert GROUP BY phase");
        assertEquals(2, points.size(), points.toString());
        for (Series s : points) {
            assertEquals(1L, ((Number) s.rows().get(0).get("count")).longValue(), s.toString());
        }
    }
}
