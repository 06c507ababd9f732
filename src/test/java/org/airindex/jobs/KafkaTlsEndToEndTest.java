package org.airindex.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.airindex.config.AirIndexConfig;
import org.airindex.io.influx.Series;
import org.airindex.pipeline.Fixtures;
import org.airindex.testing.RealServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka over TLS through the client properties alone: a real broker serving a self-signed certificate on a
 * TLS listener, and the job given only that listener and a properties file ({@code security.protocol=SSL}, the
 * certificate as its trust store). Readings are read, and a dead letter written, over TLS.
 */
class KafkaTlsEndToEndTest {
    private static final String PASSWORD = "airindex-test";
    @TempDir
    static Path work;
    static RealServers servers;

    @BeforeAll
    static void start() throws Exception {
        Path keyStore = work.resolve("broker.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", work.resolve("broker.pem").toString());
        servers = RealServers.startWithKafkaTls(work, new AirIndexConfig(), keyStore, PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void theJobReadsAndWritesKafkaOverTlsWithItsClientProperties() throws Exception {
        servers.produce(List.of(
                new String[] {"A1", "{\"station\":\"A1\",\"ts\":\"2026-11-10T10:00:00+08:00\",\"pm10\":60,\"pm25\":35}"},
                new String[] {null, "not json"}));
        Path properties = work.resolve("kafka-client.properties");
        Files.writeString(properties, "security.protocol=SSL\nssl.truststore.type=PEM\nssl.truststore.location="
                + work.resolve("broker.pem") + "\n");
        AirIndexConfig config = servers.config;
        config.kafka.bootstrap = servers.kafka.tlsBootstrapServers();
        config.kafka.propertiesFile = properties.toString();

        StreamExecutionEnvironment env = RealServers.environment(config);
        ProductionIo.job(config, Fixtures.REGISTRY, true).build(env);
        env.execute("kafka over tls");

        List<Series> hour = servers.influx().query("SELECT pm25 FROM station_hourly WHERE station = 'A1'");
        assertEquals(1, hour.size(), "the reading read over TLS became its station hour");
        var deadLetters = servers.readAll(config.kafka.deadLetterTopic, false);
        assertEquals(1, deadLetters.size(), "the dead letter written over TLS");
        assertTrue(deadLetters.get(0).value().contains("not json"), deadLetters.get(0).value());
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("keytool.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool " + args[0] + ": see " + work);
    }
}
