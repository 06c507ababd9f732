package org.airindex.io.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.airindex.io.SecretRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfluxSettingsTest {

    @TempDir
    Path dir;

    @Test
    void credentialsAreReadFromFilesAtResolveTimeAndNeverPrinted() throws IOException {
        Path user = Files.writeString(dir.resolve("user"), "writer\n");
        Path password = Files.writeString(dir.resolve("password"), "pa ss,wörd\n");
        InfluxSettings settings = InfluxSettings.v1("http://127.0.0.1:8086/", "air")
                .retentionPolicy("one_year")
                .credentials(SecretRef.file(user), SecretRef.file(password))
                .build();

        assertEquals("http://127.0.0.1:8086", settings.url());
        assertEquals(5000, settings.batchSize());
        assertEquals(5, settings.maxRetries());
        assertEquals("InfluxAuth[Basic ***]", settings.resolveAuth().toString());
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString(
                "writer:pa ss,wörd".getBytes(StandardCharsets.UTF_8)),
                settings.resolveAuth().authorizationHeader().orElseThrow());
        assertFalse(settings.toString().contains("pa ss"), settings.toString());
        assertTrue(settings.toString().contains("file:" + password), settings.toString());
        assertFalse(serialized(settings).contains("pa ss"), "only the reference is serialized");
    }

    @Test
    void aV2TokenComesFromTheEnvironment() {
        SecretRef token = SecretRef.env("AIRINDEX_INFLUX_TOKEN");
        assertEquals("t0k3n", token.resolve(Map.of("AIRINDEX_INFLUX_TOKEN", "t0k3n")));
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> token.resolve(Map.of()));
        assertTrue(missing.getMessage().contains("AIRINDEX_INFLUX_TOKEN"), missing.getMessage());

        InfluxSettings settings = InfluxSettings.v2("http://h:8086", "org", "bucket").token(token).build();
        assertEquals("InfluxSettings[V2 http://h:8086 org=org bucket=bucket token=env:AIRINDEX_INFLUX_TOKEN"
                + " batchSize=5000 maxRetries=5 retryBackoff=PT0.5S flushInterval=PT0.2S]", settings.toString());
    }

    @Test
    void misconfigurationFailsEarly() {
        assertThrows(IllegalArgumentException.class, () -> InfluxSettings.v2("http://h", "o", "b").build());
        assertThrows(IllegalArgumentException.class, () -> InfluxSettings.v1("http://h", "db").token(SecretRef.env("T")));
        assertThrows(IllegalArgumentException.class, () -> InfluxSettings.v1("http://h", " "));
        assertThrows(IllegalArgumentException.class, () -> InfluxSettings.v1("http://h", "db").batchSize(0));
    }

    private static String serialized(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
