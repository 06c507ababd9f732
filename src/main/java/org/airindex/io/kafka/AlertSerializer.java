package org.airindex.io.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.io.json.AlertJson;

/**
 * Alert events on Kafka: keyed by alert id, so every change of one alert lands on one partition in
 * order, and the value is the event's UTF-8 JSON (its event time is the JSON's {@code at}). The Kafka
 * timestamp is the time of sending: a broker refuses records stamped far ahead of its clock
 * (message.timestamp.after.max.ms), and a replay of old data would be stamped years back.
 */
public class AlertSerializer implements KafkaRecordSerializationSchema<AlertEvent> {
    private static final long serialVersionUID = 1L;

    private final String topic;

    public AlertSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(AlertEvent e, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, e.id().getBytes(StandardCharsets.UTF_8),
                AlertJson.write(e).getBytes(StandardCharsets.UTF_8));
    }
}
