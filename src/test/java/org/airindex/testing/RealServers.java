package org.airindex.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.airindex.config.AirIndexConfig;
import org.airindex.io.influx.InfluxQl;
import org.airindex.jobs.ProductionIo;
import org.airindex.local.LocalInfluxd;
import org.airindex.local.LocalKafka;

/**
 * A real InfluxDB and a real Kafka broker for one end-to-end test class, with the job's topics
 * and database made and the configuration pointed at them; and the Flink environment every such
 * test runs the job in (parallelism 2, generic types off so a Kryo fallback fails loudly).
 */
public final class RealServers implements AutoCloseable {
    public final LocalInfluxd influxd;
    public final LocalKafka kafka;
    public final AirIndexConfig config;

    private RealServers(LocalInfluxd influxd, LocalKafka kafka, AirIndexConfig config) {
        this.influxd = influxd;
        this.kafka = kafka;
        this.config = config;
    }

    public static RealServers start(Path work, AirIndexConfig config) throws Exception {
        return start(work, config, null, null);
    }

    /**
     * The same with a broker that also listens with TLS ({@link LocalKafka#tlsBootstrapServers()}), serving
     * the certificate of {@code keyStore}; the configuration keeps the plaintext listener.
     */
    public static RealServers startWithKafkaTls(Path work, AirIndexConfig config, Path keyStore, String password)
            throws Exception {
        return start(work, config, keyStore, password);
    }

    private static RealServers start(Path work, AirIndexConfig config, Path keyStore, String password) throws Exception {
        LocalInfluxd influxd = LocalInfluxd.start(work);
        LocalKafka kafka = null;
        try {
            influxd.createDatabase(config.influx.database);
            influxd.createDatabase(config.influx.metricsDatabase);
            String classpath = System.getProperty("java.class.path");
            kafka = keyStore == null ? LocalKafka.start(work, classpath)
                    : LocalKafka.startWithTls(work, classpath, keyStore, password);
            kafka.createTopics(2, config.kafka.readingsTopic, config.kafka.alertsTopic);
            kafka.createTopics(1, config.kafka.deadLetterTopic);
        } catch (Exception | Error e) {
            if (kafka != null) {
                kafka.close();
            }
            influxd.close();
            throw e;
        }
        config.kafka.bootstrap = kafka.bootstrapServers();
        config.kafka.startingOffsets = "earliest";
        config.influx.api = "v1";
        config.influx.url = influxd.url();
        return new RealServers(influxd, kafka, config);
    }

    /** Sends each {key, value} pair (key may be null) to the readings topic. */
    public void produce(List<String[]> records) throws Exception {
        produce(config.kafka.readingsTopic, records);
    }

    /** Sends each {key, value} pair (key may be null) to the topic, in order; where each one landed. */
    public List<RecordMetadata> produce(String topic, List<String[]> records) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1 << 20);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (String[] r : records) {
                sent.add(producer.send(new ProducerRecord<>(topic, r[0], r[1])));
            }
            producer.flush();
        }
        List<RecordMetadata> where = new ArrayList<>();
        for (Future<RecordMetadata> f : sent) {
            where.add(f.get());
        }
        return where;
    }

    public List<ConsumerRecord<String, String>> readAll(String topic, boolean readCommitted) {
        return kafka.readAll(topic, readCommitted);
    }

    public InfluxQl influx() {
        return InfluxQl.of(ProductionIo.influx(config.influx));
    }

    public static StreamExecutionEnvironment environment(AirIndexConfig config) {
        return environment(config, new Configuration());
    }

    public static StreamExecutionEnvironment environment(AirIndexConfig config, Configuration conf) {
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        ProductionIo.configureCheckpointing(env, config.checkpointing);
        return env;
    }

    @Override
    public void close() {
        kafka.close();
        influxd.close();
    }
}
