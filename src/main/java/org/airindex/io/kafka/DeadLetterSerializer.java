package org.airindex.io.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.airindex.io.json.DeadLetterJson;
import org.airindex.records.DeadLetter;

/**
 * Dead letters on Kafka as UTF-8 JSON: reason, detail, origin and the record text (cut beyond a size, see
 * {@link DeadLetterJson#write}, so that every dead letter fits the producer's request). The Kafka timestamp is
 * left to the producer (the time of sending): a dead letter's event time may be anything its record
 * claimed, and a broker refuses records stamped far ahead (message.timestamp.after.max.ms).
 */
public class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final int maxRecordBytes;

    public DeadLetterSerializer(String topic, int maxRecordBytes) {
        this.topic = topic;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter d, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, DeadLetterJson.write(d, maxRecordBytes).getBytes(StandardCharsets.UTF_8));
    }
}
