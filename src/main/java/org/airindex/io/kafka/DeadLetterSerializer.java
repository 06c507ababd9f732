package org.airindex.io.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.airindex.io.json.DeadLetterJson;
import org.airindex.records.DeadLetter;

/**
 * Dead letters on Kafka as UTF-8 JSON: reason, detail, origin and the record text. The Kafka timestamp is
 * left to the producer (the time of sending): a dead letter's event time may be anything its record
 * claimed, and a broker refuses records stamped far ahead (message.timestamp.after.max.ms).
 */
public class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
    private static final long serialVersionUID = 1L;

    private final String topic;

    public DeadLetterSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter d, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, DeadLetterJson.write(d).getBytes(StandardCharsets.UTF_8));
    }
}
