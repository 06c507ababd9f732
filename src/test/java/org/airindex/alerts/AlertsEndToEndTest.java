package org.airindex.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.airindex.config.AirIndexConfig;
import org.airindex.io.influx.InfluxQl;
import org.airindex.io.influx.InfluxSink;
import org.airindex.io.influx.Series;
import org.airindex.io.kafka.KafkaIo;
import org.airindex.jobs.AirIndexJob;
import org.airindex.jobs.InfluxOutputs;
import org.airindex.jobs.ProductionIo;
import org.airindex.local.LocalInfluxd;
import org.airindex.local.LocalKafka;
import org.airindex.pipeline.Fixtures;
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
    static LocalInfluxd influxd;
    static LocalKafka kafka;
    static AirIndexConfig config;

    @BeforeAll
    static void run() throws Exception {
        influxd = LocalInfluxd.start(work);
        influxd.createDatabase("airindex");
        kafka = LocalKafka.start(work, System.getProperty("java.class.path"));
        config = new AirIndexConfig();
        config.kafka.bootstrap = kafka.bootstrapServers();
        config.kafka.startingOffsets = "earliest";
        config.influx.url = influxd.url();
        kafka.createTopics(2, config.kafka.readingsTopic, config.kafka.alertsTopic);
        kafka.createTopics(1, config.kafka.deadLetterTopic);

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int hour = 1; hour <= 10; hour++) {
                String ts = String.format("2026-11-10T%02d:00:00+08:00", hour);
                double a1 = hour <= 7 ? 35 : 33 + hour;
                producer.send(new ProducerRecord<>("air.readings", "A1", "{\"station\":\"A1\",\"ts\":\"" + ts
                        + "\",\"pm25\":" + a1 + ",\"pm10\":" + (60 + hour) + "}"));
                producer.send(new ProducerRecord<>("air.readings", "A2", "{\"station\":\"A2\",\"ts\":\"" + ts
                        + "\",\"pm25\":" + (30 + hour) + ",\"pm10\":" + (70 + hour) + "}"));
            }
            producer.flush();
        }

        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        ProductionIo.configureCheckpointing(env, config.checkpointing);
        new AirIndexJob(config, Fixtures.REGISTRY, KafkaIo.readings(config.kafka, true),
                new InfluxOutputs(new InfluxSink(ProductionIo.influx(config.influx)), KafkaIo.deadLetters(config.kafka),
                        KafkaIo.alerts(config.kafka)))
                .build(env);
        env.execute("alerts end-to-end");
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (influxd != null) {
            influxd.close();
        }
    }

    private static List<JsonNode> topic() throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<JsonNode> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = List.of(new TopicPartition("air.alerts", 0), new TopicPartition("air.alerts", 1));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode n = json.readTree(r.value());
                    assertEquals(n.get("id").asText(), r.key(), "keyed by alert id");
                    out.add(n);
                }
            }
        }
        return out;
    }

    @Test
    void eachLifecycleChangeIsOnTheTopicOnce() throws Exception {
        List<String> events = topic().stream().map(n -> n.get("type").asText() + " " + n.get("station").asText()
                + " " + n.get("phase").asText() + " " + n.get("at").asLong()).sorted().toList();
        long h6 = Fixtures.at("2026-11-10T06:00");
        long h8 = Fixtures.at("2026-11-10T08:00");
        assertEquals(List.of("flat_line.pm25 A1 close " + h8, "flat_line.pm25 A1 open " + h6), events);
    }

    @Test
    void eachLifecycleChangeIsAnAnnotationPointOnce() throws Exception {
        List<Series> s = InfluxQl.of(ProductionIo.influx(config.influx))
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
