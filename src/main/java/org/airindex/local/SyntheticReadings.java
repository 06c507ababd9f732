package org.airindex.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.airindex.config.Station;
import org.airindex.config.StationRegistry;

/**
 * Realistic readings for the sample registry, for the local run and demos: a diurnal cycle per
 * pollutant, a persistent level per county (so rankings differ), a winter pollution episode over
 * the provincial capital's region, randomly missing hours, a county's only station silent for a whole
 * day and more (so the county has no data that day and its period cannot be valid), a station
 * whose values flat-line, minute data for one station, and a handful of bad records of each kind
 * the job must set aside. Deterministic for a given seed.
 */
public final class SyntheticReadings {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** A reading record with the station that keys it on Kafka (null for records with no station). */
    public record Record(String key, String json, long ts) {}

    private final StationRegistry registry;
    private final ZoneId zone;
    private final LocalDate first;
    private final int days;
    private final long seed;

    public SyntheticReadings(StationRegistry registry, ZoneId zone, LocalDate first, int days, long seed) {
        this.registry = registry;
        this.zone = zone;
        this.first = first;
        this.days = days;
        this.seed = seed;
    }

    /** The episode: days 60–80 % through the period, strongest over the first two cities listed. */
    boolean inEpisode(int day) {
        return day >= days * 6 / 10 && day < days * 8 / 10;
    }

    /** The last station that is its county's only one (or the last station when every county has two). */
    private static Station aloneInItsCounty(List<Station> stations) {
        Map<String, Long> perCounty = new HashMap<>();
        stations.forEach(s -> perCounty.merge(s.countyKey(), 1L, Long::sum));
        for (int i = stations.size() - 1; i >= 0; i--) {
            if (perCounty.get(stations.get(i).countyKey()) == 1) {
                return stations.get(i);
            }
        }
        return stations.get(stations.size() - 1);
    }

    public List<Record> generate() {
        Random rnd = new Random(seed);
        List<Station> stations = new ArrayList<>(registry.stations());
        List<String> episodeCities = stations.stream().map(Station::city).distinct().limit(2).toList();
        Station silent = aloneInItsCounty(stations);
        Station flat = stations.stream().filter(s -> s != silent).reduce((a, b) -> b).orElseThrow();
        Station minutely = stations.get(0);
        List<Record> out = new ArrayList<>();
        int hours = days * 24;
        for (Station s : stations) {
            Random local = new Random(seed ^ s.code().hashCode());
            double countyLevel = 0.7 + 0.8 * ((s.county() + s.city()).hashCode() & 0xff) / 255.0;
            double[] flatValues = null;
            for (int h = 1; h <= hours; h++) {
                ZonedDateTime end = first.atStartOfDay(zone).plusHours(h);
                int day = (h - 1) / 24;
                int hourOfDay = end.getHour() == 0 ? 24 : end.getHour();
                // Mid-period, so that both episodes of trouble are seen to start and to end: the silence covers
                // one whole local day and 10 hours of the next.
                int silentFrom = days * 4 / 10 * 24;
                if (s == silent && h > silentFrom && h <= silentFrom + 34) {
                    continue;
                }
                if (local.nextDouble() < 0.02) {
                    continue;
                }
                double episode = inEpisode(day) && episodeCities.contains(s.city())
                        ? 2.5 + 1.5 * Math.sin(Math.PI * (day - days * 6 / 10 + hourOfDay / 24.0) / (days * 2 / 10.0))
                        : 1.0;
                double night = 1 + 0.35 * Math.cos(2 * Math.PI * (hourOfDay - 22) / 24.0);
                double sun = Math.max(0, Math.sin(Math.PI * (hourOfDay - 7) / 12.0));
                double rush = 1 + 0.3 * Math.exp(-Math.pow(hourOfDay - 8, 2) / 4) + 0.3 * Math.exp(-Math.pow(hourOfDay - 19, 2) / 4);
                double noise = 0.85 + 0.3 * local.nextDouble();
                double pm25 = 38 * countyLevel * night * episode * noise;
                double[] v = {
                    12 * countyLevel * rush * (0.9 + 0.2 * local.nextDouble()),              // so2
                    32 * countyLevel * rush * (0.9 + 0.2 * local.nextDouble()),              // no2
                    0.6 + 0.012 * pm25 * (0.9 + 0.2 * local.nextDouble()),                   // co
                    (10 + 70 * sun / Math.sqrt(episode)) * (0.85 + 0.3 * local.nextDouble()), // o3
                    pm25 * (1.4 + 0.5 * local.nextDouble()),                                 // pm10
                    pm25};
                if (s == flat && h > hours / 2 && h <= hours / 2 + 12) {
                    flatValues = flatValues == null ? v : flatValues;
                    v = flatValues;
                }
                if (s == minutely && h > hours - 3) {
                    for (int m = 1; m <= 60; m++) {
                        if (m % 7 == 0) {
                            continue; // a few missing minutes: still ≥ 45, so the hour stays valid
                        }
                        out.add(reading(s.code(), end.minusHours(1).plusMinutes(m), 60, v, local));
                    }
                    continue;
                }
                out.add(reading(s.code(), end, 3600, v, null));
            }
        }
        // Stations report as time goes by: the topic holds readings in time order, not station by station.
        out.sort(java.util.Comparator.comparingLong(Record::ts));
        out.addAll(badRecords(rnd, stations.get(0), first.atStartOfDay(zone).plusHours(hours)));
        return out;
    }

    private Record reading(String station, ZonedDateTime end, int intervalS, double[] v, Random jitter) {
        ObjectNode n = JSON.createObjectNode();
        n.put("station", station);
        n.put("ts", end.format(ISO));
        n.put("interval_s", intervalS);
        String[] codes = {"so2", "no2", "co", "o3", "pm10", "pm25"};
        for (int i = 0; i < codes.length; i++) {
            double x = jitter == null ? v[i] : v[i] * (0.95 + 0.1 * jitter.nextDouble());
            n.put(codes[i], i == 2 ? Math.round(x * 1000) / 1000.0 : Math.round(x * 10) / 10.0);
        }
        return new Record(station, n.toString(), end.toInstant().toEpochMilli());
    }

    /** Bad records dated in the last hour, so each is set aside for its own fault and not as too late. */
    private List<Record> badRecords(Random rnd, Station known, ZonedDateTime lastHourEnd) {
        String ts = lastHourEnd.format(ISO);
        long at = lastHourEnd.toInstant().toEpochMilli();
        return List.of(
                new Record(null, "{\"station\":\"" + known.code() + "\",\"ts\":", at),
                new Record(null, "not json at all", at),
                new Record("9999Z", "{\"station\":\"9999Z\",\"ts\":\"" + ts + "\",\"pm25\":40}", at),
                new Record(known.code(), "{\"station\":\"" + known.code() + "\",\"ts\":\"" + ts + "\",\"pm25\":-12}", at),
                new Record(known.code(), "{\"station\":\"" + known.code() + "\",\"ts\":\"" + ts + "\",\"pm25\":\"high\"}", at),
                new Record(known.code(), "{\"station\":\"" + known.code() + "\",\"ts\":\"yesterday\",\"pm25\":40}", at),
                new Record(known.code(), "{\"station\":\"" + known.code() + "\",\"pm25\":" + (20 + rnd.nextInt(10)) + "}", at));
    }
}
