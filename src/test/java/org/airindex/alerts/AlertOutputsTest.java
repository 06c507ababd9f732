package org.airindex.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.io.influx.ResultPoints;
import org.airindex.io.json.AlertJson;
import org.airindex.io.kafka.AlertSerializer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** How an alert event leaves the job: an InfluxDB annotation point and a Kafka record keyed by id. */
class AlertOutputsTest {
    private static final AlertEvent CLOSE = new AlertEvent("id-1", "flat_line.pm25", 1, "suspect", "山西省/太原市/小店区",
            "A1", AlertEvent.CLOSE, 1_000_000L, 2_000_000L, 3_000_000L, "pm25=35;hours_same=6", "恢复 变化", "varies again");

    @Test
    void anAlertIsAnAnnotationPointAtTheTimeOfTheChange() {
        List<String> lines = ResultPoints.alert(CLOSE).lines();
        assertEquals(List.of("alert,city=太原市,county=小店区,level=suspect,phase=close,province=山西省,station=A1,"
                + "type=flat_line.pm25 end=2000i,id=\"id-1\",level_number=1i,message_en=\"varies again\","
                + "message_zh=\"恢复 变化\",start=1000i,title=\"flat_line.pm25 suspect close: 山西省/太原市/小店区 A1\","
                + "values=\"pm25=35;hours_same=6\" 3000"), lines);
    }

    @Test
    void anOpenAlertHasNoEndField() {
        AlertEvent open = new AlertEvent("id-2", "episode", 1, "yellow", "山西省/太原市", null, AlertEvent.OPEN, 0L, null,
                3_600_000L, "aqi_24h=210", "zh", "en");
        String line = ResultPoints.alert(open).lines().get(0);
        assertTrue(line.startsWith("alert,city=太原市,level=yellow,phase=open,province=山西省,type=episode "), line);
        assertTrue(!line.contains("end="), line);
    }

    @Test
    void kafkaRecordsAreKeyedByAlertIdWithTheJsonEvent() throws Exception {
        ProducerRecord<byte[], byte[]> r = new AlertSerializer("air.alerts").serialize(CLOSE, null, null);
        assertEquals("air.alerts", r.topic());
        assertEquals("id-1", new String(r.key(), StandardCharsets.UTF_8));
        assertEquals(null, r.timestamp(), "stamped when sent, never with an event time the broker may refuse");
        JsonNode json = new ObjectMapper().readTree(new String(r.value(), StandardCharsets.UTF_8));
        assertEquals("id-1", json.get("id").asText());
        assertEquals("close", json.get("phase").asText());
        assertEquals("suspect", json.get("level_name").asText());
        assertEquals(2_000_000L, json.get("end").asLong());
        assertEquals("恢复 变化", json.get("message_zh").asText());
        assertEquals(new ObjectMapper().readTree(AlertJson.write(CLOSE)), json);
    }
}
