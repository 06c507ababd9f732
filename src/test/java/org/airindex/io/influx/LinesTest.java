package org.airindex.io.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The cases Point gets wrong silently; escaping itself is checked against influxd in InfluxRoundTripTest. */
class LinesTest {

    @Test
    void typesFieldsAndSkipsNullAndNonFiniteOnes() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("f", 1.5f);
        fields.put("i", 7);
        fields.put("nan", Double.NaN);
        fields.put("none", null);
        assertEquals("m,k=v f=1.5,i=7i 60", Lines.line("m", Map.of("k", "v"), fields, 60).orElseThrow());
    }

    @Test
    void aPointWithoutFieldsIsNoLine() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("none", null);
        assertTrue(Lines.line("m", Map.of("k", "v"), fields, 60).isEmpty());
    }

    @Test
    void refusesWhatLineProtocolCannotCarry() {
        Map<String, Object> one = Map.of("f", 1L);
        assertThrows(IllegalArgumentException.class, () -> Lines.line("m", Map.of("k", ""), one, 1));
        assertThrows(IllegalArgumentException.class, () -> Lines.line("m", Map.of("k", "ends\\"), one, 1));
        assertThrows(IllegalArgumentException.class, () -> Lines.line("m", Map.of("k", "two\nlines"), one, 1));
        assertThrows(IllegalArgumentException.class, () -> Lines.line("m", Map.of(), Map.of("s", "a\r\nb"), 1));
        assertThrows(IllegalArgumentException.class, () -> Lines.line("m", Map.of(), Map.of("o", new Object()), 1));
    }
}
