package org.airindex.io.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.airindex.config.AirIndexConfig;
import org.airindex.io.influx.InfluxWriter;
import org.airindex.io.influx.RejectedLines;
import org.airindex.io.json.DeadLetterJson;
import org.airindex.records.DeadLetter;

/**
 * Lines InfluxDB refused, as dead letters on the readings' dead-letter topic (reason {@code influx_rejected},
 * the server's message as the detail, the line as the record). A flush waits for the broker's
 * acknowledgement and fails, with the checkpoint, when a send failed.
 */
public final class KafkaRejectedLines implements RejectedLines {
    private static final long serialVersionUID = 1L;

    private final AirIndexConfig.Kafka kafka;

    public KafkaRejectedLines(AirIndexConfig.Kafka kafka) {
        this.kafka = kafka;
    }

    @Override
    public Writer open() {
        Properties p = KafkaIo.clientProperties(kafka);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        AtomicReference<Exception> failed = new AtomicReference<>();
        return new Writer() {
            @Override
            public void send(InfluxWriter.Rejected rejected) {
                DeadLetter d = new DeadLetter(DeadLetter.Reason.INFLUX_REJECTED.code(), rejected.message(), "influx",
                        rejected.line());
                producer.send(new ProducerRecord<>(kafka.deadLetterTopic,
                        DeadLetterJson.write(d, kafka.deadLetterMaxRecordBytes).getBytes(StandardCharsets.UTF_8)),
                        (metadata, e) -> {
                            if (e != null) {
                                failed.compareAndSet(null, e);
                            }
                        });
            }

            @Override
            public void flush() throws IOException {
                producer.flush();
                Exception e = failed.getAndSet(null);
                if (e != null) {
                    throw new IOException("could not send a refused InfluxDB line to " + kafka.deadLetterTopic, e);
                }
            }

            @Override
            public void close() {
                producer.close();
            }
        };
    }
}
