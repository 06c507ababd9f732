package org.airindex.io.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.airindex.records.DeadLetter;

/** The dead-letter record as downstream tools read it: reason, detail, origin and the record text. */
public final class DeadLetterJson {
    /** Readers take the four fields and skip the truncation notes. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private DeadLetterJson() {}

    /** The detail quotes values of the record: it is cut at this many bytes. */
    private static final int MAX_DETAIL_BYTES = 1024;

    /**
     * The dead letter with its record whole up to {@code maxRecordBytes} UTF-8 bytes, else cut there with
     * {@code record_truncated: true} and the original {@code record_bytes}; the detail is cut likewise.
     */
    public static String write(DeadLetter d, int maxRecordBytes) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("reason", d.reason);
        node.put("detail", cut(d.detail, MAX_DETAIL_BYTES));
        node.put("origin", d.origin);
        node.put("record", cut(d.record, maxRecordBytes));
        int bytes = d.record == null ? 0 : d.record.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxRecordBytes) {
            node.put("record_truncated", true);
            node.put("record_bytes", bytes);
        }
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a dead letter", e);
        }
    }

    /** The text cut to at most {@code maxBytes} UTF-8 bytes, never inside a character. */
    static String cut(String text, int maxBytes) {
        if (text == null || text.length() * 3L <= maxBytes) {
            return text;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= maxBytes) {
            return text;
        }
        int end = maxBytes;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--; // a continuation byte: back to the start of its character
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }

    public static DeadLetter read(String json) {
        try {
            return MAPPER.readValue(json, DeadLetter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a dead-letter record: " + json, e);
        }
    }
}
