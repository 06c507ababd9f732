package org.airindex.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.airindex.records.DeadLetter;
import org.junit.jupiter.api.Test;

class DeadLetterJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A 600 KB value quoted in the detail and the record: the dead letter stays small, its size noted. */
    @Test
    void anOversizedRecordIsCutWithItsSizeAndTheDetailToo() throws Exception {
        String huge = "水".repeat(200_000); // 3 bytes each: 600,000 bytes
        String record = "{\"station\":\"" + huge + "\"}";
        DeadLetter d = new DeadLetter("unknown_station", "unknown station " + huge, "air.readings-0@7", record);
        String written = DeadLetterJson.write(d, 65_536);
        assertTrue(written.getBytes(StandardCharsets.UTF_8).length < 65_536 + 2_048, "fits: " + written.length());
        JsonNode node = JSON.readTree(written);
        assertTrue(node.get("record_truncated").asBoolean());
        assertEquals(record.getBytes(StandardCharsets.UTF_8).length, node.get("record_bytes").asInt());
        assertTrue(record.startsWith(node.get("record").asText()));
        assertTrue(node.get("record").asText().getBytes(StandardCharsets.UTF_8).length <= 65_536);
        assertTrue(node.get("detail").asText().getBytes(StandardCharsets.UTF_8).length <= 1024);
        assertEquals("air.readings-0@7", DeadLetterJson.read(written).origin, "readers skip the notes");
    }

    @Test
    void aRecordWithinTheLimitIsKeptWhole() throws Exception {
        DeadLetter d = new DeadLetter("unparsable", "not JSON", "line 3", "{\"a\":");
        JsonNode node = JSON.readTree(DeadLetterJson.write(d, 65_536));
        assertEquals("{\"a\":", node.get("record").asText());
        assertFalse(node.has("record_truncated"));
    }

    /** Never inside a character: the cut backs off to the start of a multi-byte one. */
    @Test
    void theCutKeepsWholeCharacters() {
        assertEquals("ab", DeadLetterJson.cut("ab水", 4));
        assertEquals("ab水", DeadLetterJson.cut("ab水", 5));
    }
}
