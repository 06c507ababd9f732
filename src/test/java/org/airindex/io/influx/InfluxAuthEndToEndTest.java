package org.airindex.io.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.airindex.cli.Main;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.io.SecretRef;
import org.airindex.local.LocalInfluxd;
import org.airindex.testing.ConfigFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where operations deploy it, InfluxDB asks for credentials: a real influxd with {@code auth-enabled = true},
 * an admin, a user who may only write the results ({@code GRANT WRITE}) and one who may only read them.
 * The job writes as the writer; wrong, missing or insufficient credentials stop it as it starts, with a
 * message that names where the credentials come from and never holds a secret.
 */
class InfluxAuthEndToEndTest {
    private static final String DB = "airindex";
    private static final String WRITER_PASSWORD = "w-" + java.util.UUID.randomUUID();
    @TempDir
    static Path work;
    static LocalInfluxd influxd;
    static InfluxQl admin;

    @BeforeAll
    static void start() throws Exception {
        influxd = LocalInfluxd.startWithAuth(work);
        influxd.createDatabase(DB);
        admin = new InfluxQl(influxd.url(), DB, influxd.admin());
        admin.execute("CREATE USER writer WITH PASSWORD " + InfluxQl.literal(WRITER_PASSWORD));
        admin.execute("GRANT WRITE ON " + InfluxQl.identifier(DB) + " TO writer");
        admin.execute("CREATE USER reader WITH PASSWORD 'r'");
        admin.execute("GRANT READ ON " + InfluxQl.identifier(DB) + " TO reader");
    }

    @AfterAll
    static void stop() {
        if (influxd != null) {
            influxd.close();
        }
    }

    @Test
    void aWriteOnlyUserWritesTheResults() throws Exception {
        try (InfluxWriter writer = new InfluxWriter(settings("writer", WRITER_PASSWORD))) {
            writer.checkAccess();
            assertEquals(List.of(), writer.write(List.of("station_hourly,station=1001A aqi=57i 1790000000")));
        }
        List<Series> back = admin.query("SELECT aqi FROM station_hourly");
        assertEquals(57L, back.get(0).rows().get(0).get("aqi"));
    }

    @Test
    void wrongMissingOrReadOnlyCredentialsAreRefusedAtStartWithoutTheSecret() throws Exception {
        assertRefused(settings("writer", "not-the-password"), "HTTP 401", "the user in file:");
        assertRefused(InfluxSettings.v1(influxd.url(), DB).build(), "HTTP 401",
                "no credentials (influx.username_env is empty)");
        assertRefused(settings("reader", "r"), "HTTP 403", "not authorized to write");
        assertRefused(InfluxSettings.v1(influxd.url(), "no_such_db").credentials(file("writer"), file(WRITER_PASSWORD))
                .build(), "HTTP 404", "database not found");
    }

    /**
     * {@code run} on its own local cluster checks before it starts the job: a variable that is not set, or
     * credentials the server refuses, end it with a usage error instead of a job restarting forever.
     */
    @Test
    @Timeout(120) // were the check missing, run would start a job that never ends
    void runStopsAtStartOnMissingOrRefusedCredentials() throws Exception {
        AirIndexConfig config = ConfigLoader.load(Path.of("conf/airindex.yaml"), name -> null);
        config.influx.url = influxd.url();
        config.influx.usernameEnv = "AIRINDEX_TEST_NOT_SET";
        String out = run(config, 2);
        assertTrue(out.contains("environment variable AIRINDEX_TEST_NOT_SET is not set"), out);
        // Set in every environment, and no user of this server: the server refuses them.
        config.influx.usernameEnv = "PATH";
        config.influx.passwordEnv = "PATH";
        out = run(config, 2);
        assertTrue(out.contains("refuses to be written to with the user in env:PATH") && out.contains("HTTP 401"), out);
        assertFalse(out.contains(System.getenv("PATH")), "the secret's value is never printed");
    }

    private static String run(AirIndexConfig config, int expectedExit) throws Exception {
        Path file = ConfigFiles.write(config, Files.createTempFile(work, "airindex", ".yaml"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.dispatch(new String[] {"run", "--config", file.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, code, said);
        return said;
    }

    private static void assertRefused(InfluxSettings settings, String... says) throws Exception {
        try (InfluxWriter writer = new InfluxWriter(settings)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, writer::checkAccess);
            for (String s : says) {
                assertTrue(e.getMessage().contains(s), e.getMessage());
            }
            assertFalse(e.getMessage().contains(WRITER_PASSWORD), "no secret in the message");
        }
    }

    private static InfluxSettings settings(String user, String password) throws Exception {
        return InfluxSettings.v1(influxd.url(), DB).credentials(file(user), file(password)).build();
    }

    private static SecretRef file(String secret) throws Exception {
        Path f = Files.createTempFile(work, "secret", "");
        Files.writeString(f, secret + "\n");
        return SecretRef.file(f);
    }
}
