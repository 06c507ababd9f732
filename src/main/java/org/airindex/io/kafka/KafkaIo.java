package org.airindex.io.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.airindex.config.AirIndexConfig;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.io.json.TimeBounds;
import org.airindex.records.DeadLetter;
import org.airindex.records.RawReading;

/** Builds the job's Kafka source and sinks from configuration. */
public final class KafkaIo {
    private KafkaIo() {}

    /**
     * @param bounded stop at the offsets that are latest when the job starts (local runs, tests),
     *     instead of reading forever
     */
    public static KafkaSource<RawReading> readings(AirIndexConfig.Kafka k, TimeBounds times, boolean bounded) {
        KafkaSourceBuilder<RawReading> b = KafkaSource.<RawReading>builder()
                .setBootstrapServers(k.bootstrap)
                .setTopics(k.readingsTopic)
                .setGroupId(k.group)
                .setStartingOffsets(switch (k.startingOffsets) {
                    case "earliest" -> OffsetsInitializer.earliest();
                    case "latest" -> OffsetsInitializer.latest();
                    default -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
                })
                .setDeserializer(new ReadingDeserializer(times))
                .setProperties(clientProperties(k));
        if (bounded) {
            b.setBounded(OffsetsInitializer.latest());
        }
        return b.build();
    }

    public static KafkaSink<DeadLetter> deadLetters(AirIndexConfig.Kafka k) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(k.bootstrap)
                .setKafkaProducerConfig(clientProperties(k))
                .setRecordSerializer(new DeadLetterSerializer(k.deadLetterTopic, k.deadLetterMaxRecordBytes))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    /**
     * Alert events, exactly once per lifecycle change: Kafka transactions commit with Flink's
     * checkpoints, so a restart from a checkpoint does not send an event twice (consumers read
     * committed records).
     */
    public static KafkaSink<AlertEvent> alerts(AirIndexConfig.Kafka k) {
        Properties props = clientProperties(k);
        // The sink's own default (1 h) is above a stock broker's transaction.max.timeout.ms (15 min),
        // which refuses it: the sink would fail at start on any broker left at its defaults.
        props.setProperty("transaction.timeout.ms", Long.toString(k.alertsTransactionTimeout.toMillis()));
        return KafkaSink.<AlertEvent>builder()
                .setBootstrapServers(k.bootstrap)
                .setKafkaProducerConfig(props)
                .setRecordSerializer(new AlertSerializer(k.alertsTopic))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(k.alertsTransactionalIdPrefix)
                .build();
    }

    /** Inline properties, then the properties file (where credentials belong) on top. */
    static Properties clientProperties(AirIndexConfig.Kafka k) {
        Properties props = new Properties();
        props.putAll(k.properties);
        if (k.propertiesFile != null && !k.propertiesFile.isBlank()) {
            try (Reader r = Files.newBufferedReader(Path.of(k.propertiesFile), StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read kafka.properties_file " + k.propertiesFile
                        + ": " + e.getMessage(), e);
            }
        }
        return props;
    }
}
