package org.airindex.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.StationRegistry;
import org.airindex.domain.Pollutant;
import org.airindex.domain.Standards;
import org.airindex.domain.Validity;
import org.airindex.io.json.ReadingJson;
import org.airindex.io.json.TimeBounds;
import org.airindex.local.SyntheticReadings;
import org.airindex.records.RawReading;

/**
 * A feed as a province's analysers send it: valid synthetic readings of the sample registry with more
 * than ten thousand hostile records mixed in (fixed seed): truncated and deeply nested JSON, wrong types,
 * non-finite numbers, impossible and unplaceable times, bad intervals, unknown and oversized station
 * codes, line-protocol and CSV metacharacters in every string, impossible values, and exact re-sends.
 * A hostile record derived from a valid one takes it from the last few readings, as a faulty device
 * would, so that a re-send arrives while its hour may still be corrected.
 */
public final class HostileReadings {
    /** Readings a re-send or a corrupted copy is taken from: the latest this many valid ones. */
    private static final int RECENT = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One record of the mixed feed: its Kafka key, its text, and for a hostile record the reason its dead
     * letter must give (null for a valid reading and for an exact re-send, which is merged silently).
     */
    public record Line(String key, String text, boolean hostile, String reason) {
    }

    private HostileReadings() {
    }

    /** Three days of valid readings of the sample registry from 1 November 2026 (the sample's bad records left out). */
    public static List<Line> valid(StationRegistry registry) {
        return valid(registry, LocalDate.of(2026, 11, 1), 3, 11L);
    }

    /** {@code days} days of valid synthetic readings of the registry from {@code first}, in time order. */
    public static List<Line> valid(StationRegistry registry, LocalDate first, int days, long seed) {
        List<SyntheticReadings.Record> all = new SyntheticReadings(registry, ZoneId.of("Asia/Shanghai"),
                first, days, seed).generate();
        Validity validity = Standards.loadDefault().forDate(first).validity();
        TimeBounds bounds = TimeBounds.of(new AirIndexConfig());
        List<Line> out = new ArrayList<>();
        for (SyntheticReadings.Record r : all) {
            RawReading parsed = ReadingJson.parse("valid", r.json(), bounds);
            if (parsed.reading != null && registry.get(parsed.reading.station) != null
                    && plausible(validity, parsed)) {
                out.add(new Line(parsed.reading.station, r.json(), false, null));
            }
        }
        return out;
    }

    private static boolean plausible(Validity validity, RawReading r) {
        for (Pollutant p : Pollutant.values()) {
            if (r.reading.get(p) != null && !validity.plausible(p, r.reading.get(p))) {
                return false;
            }
        }
        return true;
    }

    /** The valid lines in their order with {@code count} hostile records mixed in between and after them. */
    public static List<Line> mix(List<Line> valid, int count, long seed) {
        Random random = new Random(seed);
        // A valid reading first: a replayed file whose first line is no JSON object is read as CSV.
        List<Line> out = new ArrayList<>(List.of(valid.get(0)));
        int made = 0;
        for (int i = 1; i < valid.size(); i++) {
            while (made < count && random.nextInt(4) != 0) {
                out.add(hostile(random, valid.subList(Math.max(0, i - RECENT), i)));
                made++;
            }
            out.add(valid.get(i));
        }
        for (; made < count; made++) {
            out.add(hostile(random, valid.subList(valid.size() - RECENT, valid.size())));
        }
        return out;
    }

    private static Line hostile(Random random, List<Line> recent) {
        Line base = recent.get(random.nextInt(recent.size()));
        ObjectNode node;
        try {
            node = (ObjectNode) JSON.readTree(base.text());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String key = base.key();
        String metachars = "a,b=c d\"e\\\\f\\u6c34\\t'{}";
        switch (random.nextInt(16)) {
            case 0 -> {
                return new Line(key, base.text().substring(0, 1 + random.nextInt(base.text().length() - 2)), true,
                        "unparsable");
            }
            case 1 -> {
                return new Line(null, "[".repeat(1 + random.nextInt(5000)), true, "unparsable");
            }
            case 2 -> {
                return new Line(null, List.of("42", "\"text\"", "[1,2]", "null", "true", "{]", "garbage ,;")
                        .get(random.nextInt(7)), true, "unparsable");
            }
            case 3 -> {
                node.remove(random.nextBoolean() ? "station" : "ts");
                return new Line(key, write(node), true, "missing_field");
            }
            case 4 -> {
                switch (random.nextInt(4)) {
                    case 0 -> node.put("station", random.nextInt());
                    case 1 -> node.put("ts", random.nextBoolean());
                    case 2 -> node.put("pm25", "35" + metachars);
                    default -> node.put("co", 1e308 * 10);
                }
                return new Line(key, write(node).replace("\"co\":\"Infinity\"", "\"co\":1e999999")
                        .replace("\"co\":Infinity", "\"co\":1e999999"), true, "wrong_type");
            }
            case 5 -> {
                node.put("ts", List.of("1970-01-01T00:00:00Z", "2099-01-01T00:00:00+08:00", "+300000000-01-01T00:00:00Z",
                        "-300000000-01-01T00:00:00Z", "1999-12-31T23:00:00Z", "2026-13-45T00:00:00Z", "yesterday",
                        "2026-11-01T10:00:00").get(random.nextInt(8)));
                return new Line(key, write(node), true, "bad_timestamp");
            }
            case 6 -> {
                node.put("ts", List.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 4_102_444_800_000L).get(random.nextInt(5)));
                return new Line(key, write(node), true, "bad_timestamp");
            }
            case 7 -> {
                node.put("ts", new BigInteger("1" + "0".repeat(20 + random.nextInt(40))));
                return new Line(key, write(node), true, "bad_timestamp");
            }
            case 8 -> {
                node.put("interval_s", List.of(0L, -5L, 3601L, 1_000_000_000_000L, 7200L).get(random.nextInt(5)));
                return new Line(key, write(node), true, "bad_interval");
            }
            case 9 -> {
                String station = "Z" + random.nextInt(1_000_000) + metachars;
                node.put("station", station);
                return new Line(station, write(node), true, "unknown_station");
            }
            case 10 -> {
                // Oversized codes; one in ten of them over 100 KB.
                node.put("station", "X".repeat(random.nextInt(10) == 0 ? 100_000 + random.nextInt(50_000)
                        : 1 + random.nextInt(5_000)));
                return new Line(null, write(node), true, "unknown_station");
            }
            case 11 -> {
                // An impossible value on a real reading: the value is dropped, the reading (a re-send) kept.
                node.put(List.of("pm25", "pm10", "so2", "no2", "co", "o3").get(random.nextInt(6)), -1 - random.nextInt(500));
                return new Line(key, write(node), true, "impossible_value");
            }
            case 12 -> {
                node.put("station", "\u0000\u0001" + metachars);
                return new Line(null, write(node), true, "unknown_station");
            }
            case 13 -> {
                node.putObject("ts").put("nested", "[[{\"a\":1}]]");
                return new Line(key, write(node), true, "wrong_type");
            }
            default -> {
                return new Line(key, base.text(), true, null);
            }
        }
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
