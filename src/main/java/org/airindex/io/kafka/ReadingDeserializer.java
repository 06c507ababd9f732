package org.airindex.io.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.airindex.io.json.ReadingJson;
import org.airindex.io.json.TimeBounds;
import org.airindex.records.RawReading;

/**
 * Parses each Kafka record in the source, keeping its text and topic-partition@offset for the dead letter.
 * Never throws: an exception here would fail the job and replay the same offset forever.
 */
public class ReadingDeserializer implements KafkaRecordDeserializationSchema<RawReading> {
    private static final long serialVersionUID = 1L;

    private final TimeBounds bounds;

    public ReadingDeserializer(TimeBounds bounds) {
        this.bounds = bounds;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawReading> out) {
        String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
        String text = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        out.collect(ReadingJson.parse(origin, text, bounds));
    }

    @Override
    public TypeInformation<RawReading> getProducedType() {
        return TypeInformation.of(RawReading.class);
    }
}
