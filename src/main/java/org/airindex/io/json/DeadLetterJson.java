package org.airindex.io.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.airindex.records.DeadLetter;

/** The dead-letter record as downstream tools read it: reason, detail, origin and the record text. */
public final class DeadLetterJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeadLetterJson() {}

    public static String write(DeadLetter d) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("reason", d.reason);
        node.put("detail", d.detail);
        node.put("origin", d.origin);
        node.put("record", d.record);
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a dead letter", e);
        }
    }

    public static DeadLetter read(String json) {
        try {
            return MAPPER.readValue(json, DeadLetter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a dead-letter record: " + json, e);
        }
    }
}
