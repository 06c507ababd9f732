package org.airindex.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.airindex.config.Station;
import org.airindex.config.StationRegistry;
import org.airindex.testing.HostileReadings;

/**
 * The feed of the failure-injection runs, in the stages every run produces it in: a week of synthetic
 * readings of the sample registry (an episode, a silent and a flat-lining station), one station sending
 * minute data for two and a half days, a few readings arriving 90 minutes after their hour (late, still
 * correctable), a few readings of the first day sent on the second (too late: dead letters) and a few
 * re-sent with a corrected value after their hour closed (recomputed, their points replaced). Each
 * stage is produced once the one before is read, so whether a reading is too late never depends on
 * timing, and the watermark ends 7 h 50 min into the eighth day, past the lateness of every day before.
 */
final class FailureFeed {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate FIRST = LocalDate.of(2026, 11, 1);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int CORRECTED_O3 = 123;

    /** One record of the feed: its Kafka key and text, and its time. */
    record Line(String key, String text, long ts) {
        String[] record() {
            return new String[] {key, text};
        }
    }

    /**
     * Days 1 to 2 noon; the too-late readings and the corrections; to the end of day 4; to the end of day 7;
     * the next 8 hours.
     */
    final List<List<Line>> stages = new ArrayList<>();
    /** The readings that must be dead letters ({@code too_late}): in the second stage. */
    final List<Line> tooLate;
    /**
     * Re-sent readings with O3 corrected to {@link #CORRECTED_O3}, in the second stage too: their hours
     * closed before they arrive but are within the lateness, so each is recomputed and its points are
     * replaced ("station@hourEnd").
     */
    final List<String> corrected = new ArrayList<>();
    /** Station hours the closed windows must show, "station@hourEnd": no valid reading may be lost. */
    final Set<String> stationHours = new HashSet<>();

    FailureFeed(StationRegistry registry) {
        List<Line> lines = new ArrayList<>();
        for (HostileReadings.Line l : HostileReadings.valid(registry, FIRST, 8, 14L)) {
            lines.add(new Line(l.key(), l.text(), ts(l.text())));
        }
        List<Station> stations = new ArrayList<>(registry.stations());
        String minutely = stations.get(1).code();
        lines = minuteData(lines, minutely, at(1, 6), at(3, 18));
        lines = arriveLate(lines, registry);
        long lastClosed = at(7, 7);
        for (Line l : lines) {
            long hourEnd = -Math.floorDiv(-l.ts, 3_600_000L) * 3_600_000L;
            if (hourEnd <= lastClosed) {
                stationHours.add(l.key + "@" + hourEnd);
            }
        }
        stages.add(upTo(lines, Long.MIN_VALUE, at(1, 12)));
        tooLate = List.of(reading(stations.get(5).code(), at(0, 8), 3600, 300),
                reading(stations.get(6).code(), at(0, 9), 3600, 300),
                reading(stations.get(7).code(), at(0, 10), 3600, 300));
        List<Line> second = new ArrayList<>(tooLate);
        for (Line l : lines) {
            // Hours of day 2 that the first stage's watermark (11:50) closed and whose lateness (6 h) is not over.
            if ((l.ts == at(1, 9) || l.ts == at(1, 10)) && l.text.contains("\"interval_s\":3600") && corrected.size() < 4) {
                ObjectNode resent = (ObjectNode) read(l.text);
                resent.put("o3", CORRECTED_O3);
                second.add(new Line(l.key, resent.toString(), l.ts));
                corrected.add(l.key + "@" + l.ts);
            }
        }
        stages.add(second);
        stages.add(upTo(lines, at(1, 12), at(4, 0)));
        stages.add(upTo(lines, at(4, 0), at(7, 0)));
        stages.add(upTo(lines, at(7, 0), at(7, 8)));
    }

    /** Epoch milliseconds of hour {@code hour} (0–24) of the day {@code day} days after the first. */
    static long at(int day, int hour) {
        return FIRST.plusDays(day).atStartOfDay(ZONE).plusHours(hour).toInstant().toEpochMilli();
    }

    private static long ts(String json) {
        try {
            return OffsetDateTime.parse(JSON.readTree(json).get("ts").asText()).toInstant().toEpochMilli();
        } catch (Exception e) {
            throw new IllegalStateException(json, e);
        }
    }

    private static List<Line> upTo(List<Line> lines, long after, long through) {
        // By position, not by time: a late reading stays where it arrives.
        List<Line> out = new ArrayList<>();
        long newest = Long.MIN_VALUE;
        for (Line l : lines) {
            newest = Math.max(newest, l.ts);
            if (newest > after && newest <= through) {
                out.add(l);
            }
        }
        return out;
    }

    /** The station's hourly readings in [from, to) replaced by 52 minute readings per hour (valid: ≥ 45). */
    private static List<Line> minuteData(List<Line> lines, String station, long from, long to) {
        Random random = new Random(3);
        List<Line> out = new ArrayList<>();
        for (Line l : lines) {
            if (!l.key.equals(station) || l.ts <= from || l.ts > to) {
                out.add(l);
                continue;
            }
            JsonNode hourly = read(l.text);
            for (int m = 1; m <= 60; m++) {
                if (m % 8 == 0) {
                    continue;
                }
                ObjectNode minute = hourly.deepCopy();
                long ts = l.ts - Duration.ofMinutes(60 - m).toMillis();
                minute.put("ts", iso(ts));
                minute.put("interval_s", 60);
                for (String p : new String[] {"so2", "no2", "o3", "pm10", "pm25"}) {
                    if (hourly.has(p)) {
                        minute.put(p, Math.round(hourly.get(p).asDouble() * (0.95 + 0.1 * random.nextDouble()) * 10) / 10.0);
                    }
                }
                out.add(new Line(station, minute.toString(), ts));
            }
        }
        out.sort(Comparator.comparingLong(Line::ts));
        return out;
    }

    /**
     * Every 17th hour, one reading of a station that shares its county (and is neither the minute nor the
     * silent or flat station) moves 90 minutes down the feed: out of order in its partition. Read in one
     * stage with the rest, it usually lands before the periodic watermark closes its hour (the corrections
     * of the second stage are what recompute closed hours); the results must not depend on which.
     */
    private static List<Line> arriveLate(List<Line> lines, StationRegistry registry) {
        List<String> movable = new ArrayList<>();
        List<Station> all = new ArrayList<>(registry.stations());
        for (Station s : all) {
            long sameCounty = all.stream().filter(o -> o.countyKey().equals(s.countyKey())).count();
            // The synthetic minute station is the second, its flat-lining one one of the last two.
            int i = all.indexOf(s);
            if (sameCounty >= 2 && i > 1 && i < all.size() - 2) {
                movable.add(s.code());
            }
        }
        List<Line> out = new ArrayList<>(lines);
        for (long hour = at(0, 5); hour < at(7, 0); hour += Duration.ofHours(17).toMillis()) {
            String station = movable.get((int) (hour / 3_600_000L % movable.size()));
            long hourEnd = hour;
            Line late = out.stream().filter(l -> l.key.equals(station) && l.ts == hourEnd).findFirst().orElse(null);
            if (late == null) {
                continue;
            }
            out.remove(late);
            int at = 0;
            while (at < out.size() && out.get(at).ts < hourEnd + Duration.ofMinutes(90).toMillis()) {
                at++;
            }
            out.add(at, late);
        }
        return out;
    }

    private static Line reading(String station, long ts, int intervalS, double pm25) {
        ObjectNode n = JSON.createObjectNode();
        n.put("station", station);
        n.put("ts", iso(ts));
        n.put("interval_s", intervalS);
        n.put("pm25", pm25);
        n.put("pm10", pm25 * 1.5);
        return new Line(station, n.toString(), ts);
    }

    private static String iso(long ts) {
        return ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(ts), ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(json, e);
        }
    }
}
