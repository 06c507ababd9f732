package org.airindex.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTest {

    @TempDir
    static Path workDir;
    private static LocalKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = LocalKafka.start(workDir, System.getProperty("java.class.path"));
    }

    /** Checked on the class's own broker, since a second one would double the class's run time. */
    @AfterAll
    static void closeStopsTheBrokerAndDeletesItsFolder() {
        if (kafka == null) {
            return;
        }
        ProcessHandle handle = ProcessHandle.of(kafka.pid()).orElseThrow();
        Path dir = kafka.dir();
        assertTrue(Files.isDirectory(dir));

        kafka.close();

        assertFalse(handle.isAlive(), "broker process still alive after close");
        assertFalse(Files.exists(dir), "broker folder left behind: " + dir);
    }

    @Test
    void aRecordProducedToATwoPartitionTopicIsConsumedBack() throws Exception {
        kafka.createTopics(2, "readings");

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicDescription topic = admin.describeTopics(Set.of("readings")).allTopicNames().get().get("readings");
            assertEquals(2, topic.partitions().size());
        }

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>("readings", "南山区", "{\"pm25\": 35.5}")).get();
        }

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of("readings"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }

        assertEquals(1, received.size());
        assertEquals("南山区", received.get(0).key());
        assertEquals("{\"pm25\": 35.5}", received.get(0).value());
    }
}
