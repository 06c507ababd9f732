package org.airindex.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
 * A real InfluxDB and a real Kafka broker for an end-to-end test class, with the class's own topics, consumer
 * group and databases made and the configuration pointed at them; and the Flink environment every such test
 * runs the job in (parallelism 2, generic types off so a Kryo fallback fails loudly).
 *
 * <p>{@link #start} hands out one pair of servers shared by every test class of the JVM (they stop when it
 * exits, as every {@code ChildProcess} does), each class under names of its own ({@code t3.air.readings}, database {@code airindex_t3}): starting
 * a broker costs some ten seconds. A test that stops or reconfigures servers takes its own ({@link #startOwn},
 * {@link #startWithKafkaTls}), which {@link #close} stops.
 */
public final class RealServers implements AutoCloseable {
    private static final AtomicInteger USERS = new AtomicInteger();
    private static RealServers shared;

    public final LocalInfluxd influxd;
    public final LocalKafka kafka;
    public final AirIndexConfig config;
    private final boolean own;

    private RealServers(LocalInfluxd influxd, LocalKafka kafka, AirIndexConfig config, boolean own) {
        this.influxd = influxd;
        this.kafka = kafka;
        this.config = config;
        this.own = own;
    }

    /** The shared servers, with topics and databases of the caller's own, named in {@code config}. */
    public static synchronized RealServers start(Path work, AirIndexConfig config) throws Exception {
        if (shared == null) {
            // Each server stops and deletes its folder when the JVM exits (ChildProcess); the folder is empty by then.
            Path dir = Files.createTempDirectory("airindex-servers-");
            dir.toFile().deleteOnExit();
            shared = launch(dir, null, null);
        }
        String prefix = "t" + USERS.incrementAndGet();
        config.kafka.readingsTopic = prefix + "." + config.kafka.readingsTopic;
        config.kafka.deadLetterTopic = prefix + "." + config.kafka.deadLetterTopic;
        config.kafka.alertsTopic = prefix + "." + config.kafka.alertsTopic;
        config.kafka.group = prefix + "." + config.kafka.group;
        config.kafka.alertsTransactionalIdPrefix = prefix + "." + config.kafka.alertsTransactionalIdPrefix;
        config.influx.database = config.influx.database + "_" + prefix;
        config.influx.metricsDatabase = config.influx.metricsDatabase + "_" + prefix;
        return shared.serve(config, false);
    }

    /** Servers of the caller's own, for a test that stops, restarts or reconfigures them. */
    public static RealServers startOwn(Path work, AirIndexConfig config) throws Exception {
        return launch(work, null, null).serve(config, true);
    }

    /**
     * Servers of the caller's own with a broker that also listens with TLS ({@link LocalKafka#tlsBootstrapServers()}),
     * serving the certificate of {@code keyStore}; the configuration keeps the plaintext listener.
     */
    public static RealServers startWithKafkaTls(Path work, AirIndexConfig config, Path keyStore, String password)
            throws Exception {
        return launch(work, keyStore, password).serve(config, true);
    }

    private static RealServers launch(Path work, Path keyStore, String password) throws Exception {
        LocalInfluxd influxd = LocalInfluxd.start(work);
        try {
            String classpath = System.getProperty("java.class.path");
            LocalKafka kafka = keyStore == null ? LocalKafka.start(work, classpath)
                    : LocalKafka.startWithTls(work, classpath, keyStore, password);
            return new RealServers(influxd, kafka, null, true);
        } catch (Exception | Error e) {
            influxd.close();
            throw e;
        }
    }

    /** Makes the configuration's topics and databases here and points it at these servers. */
    private RealServers serve(AirIndexConfig config, boolean own) throws Exception {
        try {
            influxd.createDatabase(config.influx.database);
            influxd.createDatabase(config.influx.metricsDatabase);
            kafka.createTopics(2, config.kafka.readingsTopic, config.kafka.alertsTopic);
            kafka.createTopics(1, config.kafka.deadLetterTopic);
        } catch (Exception | Error e) {
            if (own) {
                kafka.close();
                influxd.close();
            }
            throw e;
        }
        config.kafka.bootstrap = kafka.bootstrapServers();
        config.kafka.startingOffsets = "earliest";
        config.influx.api = "v1";
        config.influx.url = influxd.url();
        return new RealServers(influxd, kafka, config, own);
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

    /** Stops servers of the caller's own; the shared ones stay up for the next test class. */
    @Override
    public void close() {
        if (own) {
            kafka.close();
            influxd.close();
        }
    }
}
