package org.airindex.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * The whole job on a real Kafka broker and a real InfluxDB at parallelism 2: station A1 reports the
 * same PM2.5 for hours 1..7 and then moves, so its flat-line alert opens at hour 6 and closes at hour
 * 8; each change appears once on the alert topic (read committed) and once in InfluxDB. Its county
 * neighbour A2 moves every hour and raises nothing.
 */
class AlertsEndToEndTest {
    @TempDir
    static Path work;
    static RealServers servers;

    @BeforeAll
    static void run() throws Exception {
        servers = RealServers.start(work, new AirIndexConfig());
        List<String[]> records = new ArrayList<>();
        for (int hour = 1; hour <= 10; hour++) {
            String ts = String.format("2026-11-10T%02d:00:00+08:00", hour);
            double a1 = hour <= 7 ? 35 : 33 + hour;
            records.add(new String[] {"A1", "{\"station\":\"A1\",\"ts\":\"" + ts + "\",\"pm25\":" + a1
                    + ",\"pm10\":" + (60 + hour) + "}"});
            records.add(new String[] {"A2", "{\"station\":\"A2\",\"ts\":\"" + ts + "\",\"pm25\":" + (30 + hour)
                    + ",\"pm10\":" + (70 + hour) + "}"});
        }
        servers.produce(records);
        StreamExecutionEnvironment env = RealServers.environment(servers.config);
        ProductionIo.job(servers.config, Fixtures.REGISTRY, true).build(env);
        env.execute("alerts end-to-end");
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    /**
     * The committed alert events, once there are {@code expected} of them (or after 30 s): a committed
     * transaction's markers reach the partitions shortly after the commit returns, and until they do a
     * read_committed consumer sees nothing of it.
     */
    private static List<JsonNode> topic(int expected) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        List<ConsumerRecord<String, String>> records = servers.readAll(servers.config.kafka.alertsTopic, true);
        for (long deadline = System.currentTimeMillis() + 30_000; records.size() < expected
                && System.currentTimeMillis() < deadline; records = servers.readAll(servers.config.kafka.alertsTopic, true)) {
            Thread.sleep(200);
        }
        for (var r : records) {
            JsonNode n = json.readTree(r.value());
            assertEquals(n.get("id").asText(), r.key(), "keyed by alert id");
            out.add(n);
        }
        return out;
    }

    @Test
    void eachLifecycleChangeIsOnTheTopicOnce() throws Exception {
        List<String> events = topic(2).stream().map(n -> n.get("type").asText() + " " + n.get("station").asText()
                + " " + n.get("phase").asText() + " " + n.get("at").asLong()).sorted().toList();
        long h6 = Fixtures.at("2026-11-10T06:00");
        long h8 = Fixtures.at("2026-11-10T08:00");
        assertEquals(List.of("flat_line.pm25 A1 close " + h8, "flat_line.pm25 A1 open " + h6), events);
    }

    @Test
    void eachLifecycleChangeIsAnAnnotationPointOnce() throws Exception {
        List<Series> s = servers.influx()
                .query("SELECT id, title, message_en FROM alert GROUP BY phase, station, type");
        List<String> points = new ArrayList<>();
        for (Series one : s) {
            for (Map<String, Object> row : one.rows()) {
                points.add(one.tags().get("type") + " " + one.tags().get("station") + " " + one.tags().get("phase")
                        + " " + ((Number) row.get("time")).longValue() * 1000);
            }
        }
        assertEquals(List.of("flat_line.pm25 A1 close " + Fixtures.at("2026-11-10T08:00"),
                "flat_line.pm25 A1 open " + Fixtures.at("2026-11-10T06:00")), points.stream().sorted().toList());
    }
}
