package org.airindex.io.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.airindex.domain.alerts.AlertEvent;

/**
 * An alert event as downstream warning systems read it: snake_case keys, times in epoch
 * milliseconds ({@code end} null until the close), messages in Chinese and English.
 */
public final class AlertJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {}

    public static String write(AlertEvent e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", e.id());
        n.put("type", e.type());
        n.put("level", e.level());
        n.put("level_name", e.levelName());
        n.put("phase", e.phase());
        n.put("place", e.place());
        n.put("station", e.station());
        n.put("start", e.start());
        n.put("end", e.end());
        n.put("at", e.at());
        n.put("values", e.values());
        n.put("message_zh", e.messageZh());
        n.put("message_en", e.messageEn());
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise an alert event", ex);
        }
    }
}
