package org.airindex.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.Uuid;

/**
 * A private single-node Kafka 4.x broker in KRaft combined mode (broker and controller in one process),
 * run as a separate JVM so that its dependencies and its exit never touch the caller's JVM.
 *
 * <p>The broker classes ({@code kafka.Kafka}, {@code kafka.tools.StorageTool}) must be on the given
 * class path; tests pass their own, which has {@code kafka_2.13} in test scope.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ChildProcess process;
    private final String bootstrapServers;
    private final Path dir;
    /** The TLS listener's {@code host:port}, when the broker has one. */
    private String tlsBootstrapServers;

    private LocalKafka(ChildProcess process, String bootstrapServers, Path dir) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.dir = dir;
    }

    /**
     * Formats storage and starts the broker in a new folder under {@code workDir}, returning once it
     * answers admin requests.
     */
    public static LocalKafka start(Path workDir, String classpath) throws IOException {
        return start(workDir, classpath, null, null);
    }

    /**
     * A broker with a TLS listener besides the plaintext one ({@link #tlsBootstrapServers()}), serving the
     * certificate of a PKCS12 key store (key and store under the same password).
     */
    public static LocalKafka startWithTls(Path workDir, String classpath, Path keyStore, String password)
            throws IOException {
        return start(workDir, classpath, keyStore, password);
    }

    private static LocalKafka start(Path workDir, String classpath, Path keyStore, String password) throws IOException {
        Files.createDirectories(workDir);
        Path dir = Files.createTempDirectory(workDir, "kafka-");
        int brokerPort = FreePort.pick();
        int controllerPort = FreePort.pick();
        int tlsPort = keyStore == null ? 0 : FreePort.pick();
        Path config = dir.resolve("server.properties");
        String properties = serverProperties(dir, brokerPort, controllerPort);
        if (keyStore != null) {
            properties = properties
                    .replace("listeners=PLAINTEXT://127.0.0.1:" + brokerPort, "listeners=PLAINTEXT://127.0.0.1:" + brokerPort
                            + ",SSL://127.0.0.1:" + tlsPort)
                    .replace("PLAINTEXT:PLAINTEXT", "PLAINTEXT:PLAINTEXT,SSL:SSL")
                    + "ssl.keystore.type=PKCS12\nssl.keystore.location=" + keyStore + "\nssl.keystore.password=" + password
                    + "\nssl.key.password=" + password + "\n";
        }
        Files.writeString(config, properties);
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, LOG4J);

        format(dir, classpath, config, log4j);

        List<String> command = java(classpath, log4j);
        command.add("-Xmx512m");
        command.add("kafka.Kafka");
        command.add(config.toString());
        ChildProcess process = ChildProcess.start("kafka", command, dir, dir.resolve("kafka.log"));
        LocalKafka kafka = new LocalKafka(process, "127.0.0.1:" + brokerPort, dir);
        kafka.tlsBootstrapServers = keyStore == null ? null : "127.0.0.1:" + tlsPort;
        try {
            kafka.awaitReady();
        } catch (IOException | RuntimeException e) {
            process.close();
            throw e;
        }
        return kafka;
    }

    private static String serverProperties(Path dir, int brokerPort, int controllerPort) {
        // Replication factors of 1 because there is one node; the internal topics would otherwise wait
        // for replicas forever. A single offsets partition keeps the first consumer group join fast.
        // Flink's exactly-once KafkaSink asks for 1 h transactions, above the broker's 15 min default.
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(brokerPort, controllerPort, dir.resolve("data"));
    }

    private static final String LOG4J = """
            rootLogger.level = INFO
            rootLogger.appenderRef.out.ref = out
            appender.out.type = Console
            appender.out.name = out
            appender.out.layout.type = PatternLayout
            appender.out.layout.pattern = [%d] %p %m (%c)%n
            """;

    private static List<String> java(String classpath, Path log4j) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A local broker sees little load, and on a small machine C2 compiler threads and parallel GC
        // threads mostly slow the start down.
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dlog4j2.configurationFile=" + log4j.toUri());
        command.add("-cp");
        command.add(classpath);
        return command;
    }

    /**
     * KRaft needs its metadata log formatted before the first start. {@code --standalone} makes this node
     * the only voter of a dynamic quorum, which is why the properties use
     * {@code controller.quorum.bootstrap.servers} and not the static {@code controller.quorum.voters}.
     */
    private static void format(Path dir, String classpath, Path config, Path log4j) throws IOException {
        List<String> command = java(classpath, log4j);
        command.addAll(List.of("kafka.tools.StorageTool", "format",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString(), "--standalone"));
        Path log = dir.resolve("format.log");
        Process format = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!format.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IOException("kafka storage format did not finish within " + FORMAT_TIMEOUT.toSeconds()
                        + " s; output:\n" + Files.readString(log));
            }
        } catch (InterruptedException e) {
            format.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while formatting kafka storage", e);
        }
        if (format.exitValue() != 0) {
            throw new IOException("kafka storage format failed with exit code " + format.exitValue()
                    + "; output:\n" + Files.readString(log));
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("kafka exited during start-up; log tail:\n" + process.logTail());
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYetServing) {
                    // expected until the broker has joined its own quorum and opened its listener
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for kafka", e);
                }
            }
        }
        throw new IOException("kafka did not become ready at " + bootstrapServers + " within "
                + START_TIMEOUT.toSeconds() + " s; log tail:\n" + process.logTail());
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    /** {@code host:port} of the TLS listener of a broker {@link #startWithTls started with one}. */
    public String tlsBootstrapServers() {
        return tlsBootstrapServers;
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates topics with {@code partitions} partitions and replication factor 1, failing if one exists. */
    public void createTopics(int partitions, String... names) throws IOException {
        List<NewTopic> topics = Arrays.stream(names).map(name -> new NewTopic(name, partitions, (short) 1)).toList();
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("creating topics " + Arrays.toString(names) + " on " + bootstrapServers
                    + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating topics", e);
        }
    }

    /** Everything on a topic now (committed records only when {@code readCommitted}), for summaries and tests. */
    public List<ConsumerRecord<String, String>> readAll(String topic, boolean readCommitted) {
        return readAll(bootstrapServers, topic, readCommitted);
    }

    /** Everything on a topic of the broker at {@code bootstrap} now. */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic, boolean readCommitted) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        if (readCommitted) {
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        }
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    /** Stops the broker (a controlled shutdown), keeping its data and port, as an outage does. */
    public void stop() {
        process.stop();
    }

    /** Starts the stopped broker again on its data and port, and returns once it answers admin requests. */
    public void startAgain() throws IOException {
        process.startAgain();
        awaitReady();
    }

    /** Leaves the broker running after {@link #close()} and JVM exit, e.g. for a {@code --keep} local run. */
    public void keep() {
        process.keep();
    }

    /** Process id, so whoever keeps the broker can stop it later. */
    public long pid() {
        return process.pid();
    }

    /** Where a kept broker's data and {@code kafka.log} are. */
    public Path dir() {
        return dir;
    }

    /** Stops the broker (terminate, then kill after a grace period) and deletes its folder, unless kept. */
    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return "LocalKafka[bootstrap.servers=" + bootstrapServers + " pid=" + process.pid() + " dir=" + dir + "]";
    }
}
