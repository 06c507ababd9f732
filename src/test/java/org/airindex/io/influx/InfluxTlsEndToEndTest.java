package org.airindex.io.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.jobs.ProductionIo;
import org.airindex.local.LocalInfluxd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * InfluxDB over https with a certificate no public authority signed: a real influxd serving a self-signed
 * certificate made for the test. The job trusts it when the configuration names it (influx.truststore)
 * and refuses to talk, saying what to do, when it does not or names another one.
 */
class InfluxTlsEndToEndTest {
    @TempDir
    static Path work;
    static LocalInfluxd influxd;
    static Path certificate;
    static Path stranger;

    @BeforeAll
    static void start() throws Exception {
        certificate = selfSigned("server");
        stranger = selfSigned("stranger");
        influxd = LocalInfluxd.startWithTls(work, certificate, work.resolve("server.key"));
        influxd.createDatabase("airindex");
    }

    @AfterAll
    static void stop() {
        if (influxd != null) {
            influxd.close();
        }
    }

    @Test
    void theJobWritesAndReadsOverHttpsTrustingTheNamedCertificate() throws Exception {
        InfluxSettings settings = ProductionIo.influx(config(certificate.toString()));
        assertTrue(settings.url().startsWith("https://"), settings.url());
        try (InfluxWriter writer = new InfluxWriter(settings)) {
            writer.checkAccess();
            assertEquals(List.of(), writer.write(List.of("station_hourly,station=1001A aqi=57i 1790000000")));
        }
        assertEquals(57L, InfluxQl.of(settings).query("SELECT aqi FROM station_hourly").get(0).rows().get(0).get("aqi"));
    }

    @Test
    void withoutTheCertificateOrWithAnotherTheJobRefusesToStart() throws Exception {
        for (String truststore : new String[] {"", stranger.toString()}) {
            try (InfluxWriter writer = new InfluxWriter(ProductionIo.influx(config(truststore)))) {
                IllegalStateException e = assertThrows(IllegalStateException.class, writer::checkAccess);
                assertTrue(e.getMessage().contains("influx.truststore"), e.getMessage());
            }
        }
    }

    private static AirIndexConfig.Influx config(String truststore) {
        AirIndexConfig c = ConfigLoader.load(Path.of("conf/airindex.yaml"), name -> null);
        c.influx.url = influxd.url();
        c.influx.truststore = truststore;
        return c.influx;
    }

    /** A self-signed certificate for 127.0.0.1 (openssl, installed by jobs/test.sh) and its key beside it. */
    private static Path selfSigned(String name) throws Exception {
        Path cert = work.resolve(name + ".pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                "-keyout", work.resolve(name + ".key").toString(), "-out", cert.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve(name + ".openssl.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl made a certificate: see " + work);
        return cert;
    }
}
