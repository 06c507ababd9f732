package org.airindex.io.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.influxdb.client.domain.WritePrecision;
import com.influxdb.client.write.Point;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Lines writes what influxdb-client-java's Point writes, checked on generated hostile names and values, and
 * refuses the cases Point gets wrong silently; escaping itself is checked against influxd in
 * InfluxRoundTripTest.
 */
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

    @Test
    void writesWhatPointWritesForGeneratedNamesAndValues() {
        Random random = new Random(16);
        for (int i = 0; i < 20_000; i++) {
            String measurement = name(random);
            Map<String, String> tags = new LinkedHashMap<>();
            for (int t = random.nextInt(4); t > 0; t--) {
                tags.put(name(random), name(random));
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int f = random.nextInt(5); f > 0; f--) {
                fields.put(name(random), value(random));
            }
            long seconds = random.nextLong() >> random.nextInt(64);
            assertEquals(point(measurement, tags, fields, seconds), Lines.line(measurement, tags, fields, seconds),
                    () -> measurement + " " + tags + " " + fields);
        }
    }

    @Test
    void floatsKeepEveryDigitInPlainNotation() {
        for (double d : new double[] {0.0, -0.0, 1.0, 100.0, 35.5, 0.1, 1e-7, 1.5e-300, Double.MIN_VALUE, 1e7, 1.2345e22,
                1e23, Double.MAX_VALUE, -4.9e-324, 123456789.125}) {
            StringBuilder out = new StringBuilder();
            Lines.appendFloat(out, d);
            String text = out.toString();
            assertTrue(text.matches("-?[0-9]+\\.[0-9]+"), text);
            assertEquals(d, Double.parseDouble(text), text);
            assertEquals(point("m", Map.of(), Map.of("f", d), 0).orElseThrow(), "m f=" + text + " 0");
        }
    }

    private static Optional<String> point(String measurement, Map<String, String> tags, Map<String, Object> fields,
            long seconds) {
        Point p = Point.measurement(measurement).addTags(tags).time(seconds, WritePrecision.S);
        fields.forEach((k, v) -> {
            if (v instanceof Double d) {
                p.addField(k, d);
            } else if (v instanceof Long l) {
                p.addField(k, l);
            } else if (v instanceof Boolean b) {
                p.addField(k, b);
            } else if (v instanceof String s) {
                p.addField(k, s);
            }
        });
        return p.hasFields() ? Optional.of(p.toLineProtocol()) : Optional.empty();
    }

    private static final String ALPHABET = "aZ9_ ,=\"\\\t县区市站'.-";

    /** A non-empty name of letters, Chinese and every character line protocol escapes, never ending in a backslash. */
    private static String name(Random random) {
        StringBuilder s = new StringBuilder();
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.charAt(s.length() - 1) == '\\' ? s.append('x').toString() : s.toString();
    }

    private static Object value(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> Math.round(random.nextDouble() * 10_000) / 10.0;
            case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            case 3 -> random.nextLong() >> random.nextInt(64);
            case 4 -> random.nextBoolean();
            case 5 -> name(random);
            default -> null;
        };
    }
}
