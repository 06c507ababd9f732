import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An independent check of a replay's county (district) daily values against exact decimal arithmetic,
 * written apart from airindex's code: fractions of BigIntegers, nothing shared with the job. Per
 * STANDARDS.md §1–§3: a station's 24-hour mean with ≥ 20 valid hours, its O3 daily max 8-hour value
 * (windows ending at hours 8..24, each with ≥ 6 valid hours; valid with ≥ 14 windows or above 160),
 * a district's value the mean of its stations' values, rounded half to even (µg/m³ integers, CO mg/m³
 * one decimal). Every district-day of the replay's county_daily.csv is compared, and "complete" ones
 * (every station of the district with all 24 hours of every pollutant) are counted apart.
 * Run: java jobs/bench/ExactDistrictDays.java READINGS.csv STATIONS.csv REPLAY_OUT_DIR
 */
public class ExactDistrictDays {
    static final String[] MEANS = {"so2", "no2", "co", "pm10", "pm25"};
    static final Map<String, BigDecimal> PLAUSIBLE_MAX = Map.of("so2", new BigDecimal(10000), "no2", new BigDecimal(5000),
            "co", new BigDecimal(200), "o3", new BigDecimal(2000), "pm10", new BigDecimal(10000), "pm25", new BigDecimal(5000));
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    record Fraction(BigInteger num, BigInteger den) implements Comparable<Fraction> {
        static Fraction of(BigDecimal d) {
            return new Fraction(d.unscaledValue(), BigInteger.TEN.pow(Math.max(0, d.scale()))).times(
                    d.scale() < 0 ? BigInteger.TEN.pow(-d.scale()) : BigInteger.ONE);
        }

        Fraction times(BigInteger n) {
            return new Fraction(num.multiply(n), den);
        }

        Fraction plus(Fraction o) {
            return new Fraction(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
        }

        Fraction over(long n) {
            return new Fraction(num, den.multiply(BigInteger.valueOf(n)));
        }

        String round(int decimals) {
            BigInteger[] qr = num.multiply(BigInteger.TEN.pow(decimals)).divideAndRemainder(den);
            int c = qr[1].shiftLeft(1).compareTo(den);
            BigInteger q = c > 0 || c == 0 && qr[0].testBit(0) ? qr[0].add(BigInteger.ONE) : qr[0];
            return new BigDecimal(q, decimals).toPlainString();
        }

        @Override
        public int compareTo(Fraction o) {
            return num.multiply(o.den).compareTo(o.num.multiply(den));
        }
    }

    static Fraction mean(List<Fraction> values) {
        Fraction sum = new Fraction(BigInteger.ZERO, BigInteger.ONE);
        for (Fraction f : values) {
            sum = sum.plus(f);
        }
        return sum.over(values.size());
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> districtOf = new HashMap<>();
        Map<String, Integer> stationsIn = new HashMap<>();
        List<String> registry = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        for (String line : registry.subList(1, registry.size())) {
            String[] f = line.split(",");
            String district = f[4] + "/" + f[3] + "/" + f[2];
            districtOf.put(f[0], district);
            stationsIn.merge(district, 1, Integer::sum);
        }
        // station -> date -> pollutant -> hour (1..24) -> value
        Map<String, Map<LocalDate, Map<String, BigDecimal[]>>> hours = new HashMap<>();
        List<String> columns;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            columns = List.of(in.readLine().split(","));
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",", -1);
                ZonedDateTime end = Instant.ofEpochMilli(Long.parseLong(f[columns.indexOf("ts")])).atZone(ZONE);
                ZonedDateTime start = end.minusHours(1);
                int hour = start.getHour() + 1;
                Map<String, BigDecimal[]> day = hours.computeIfAbsent(f[0], k -> new HashMap<>())
                        .computeIfAbsent(start.toLocalDate(), k -> new HashMap<>());
                for (String p : PLAUSIBLE_MAX.keySet()) {
                    String cell = f[columns.indexOf(p)];
                    if (!cell.isEmpty()) {
                        BigDecimal v = new BigDecimal(cell);
                        if (v.signum() >= 0 && v.compareTo(PLAUSIBLE_MAX.get(p)) <= 0) {
                            day.computeIfAbsent(p, k -> new BigDecimal[25])[hour] = v;
                        }
                    }
                }
            }
        }
        // district|date -> pollutant -> station values; and which district-days are complete
        Map<String, Map<String, List<Fraction>>> district = new TreeMap<>();
        Map<String, Integer> completeStations = new HashMap<>();
        for (var s : hours.entrySet()) {
            for (var d : s.getValue().entrySet()) {
                String key = districtOf.get(s.getKey()) + "|" + d.getKey();
                Map<String, List<Fraction>> values = district.computeIfAbsent(key, k -> new HashMap<>());
                boolean complete = true;
                for (String p : PLAUSIBLE_MAX.keySet()) {
                    BigDecimal[] h = d.getValue().getOrDefault(p, new BigDecimal[25]);
                    List<Fraction> valid = new ArrayList<>();
                    for (int i = 1; i <= 24; i++) {
                        if (h[i] != null) {
                            valid.add(Fraction.of(h[i]));
                        }
                    }
                    complete &= valid.size() == 24;
                    if (!p.equals("o3") && valid.size() >= 20) {
                        values.computeIfAbsent(p, k -> new ArrayList<>()).add(mean(valid));
                    }
                }
                Fraction max8h = o3DailyMax8h(d.getValue().getOrDefault("o3", new BigDecimal[25]));
                if (max8h != null) {
                    values.computeIfAbsent("o3_8h_max", k -> new ArrayList<>()).add(max8h);
                }
                if (complete) {
                    completeStations.merge(key, 1, Integer::sum);
                }
            }
        }
        List<String> replay = Files.readAllLines(Path.of(args[2], "county_daily.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(replay.get(0).split(","));
        int compared = 0;
        int complete = 0;
        int completeMatching = 0;
        int mismatches = 0;
        for (String line : replay.subList(1, replay.size())) {
            String[] f = line.split(",", -1);
            String key = f[0] + "|" + f[1];
            Map<String, List<Fraction>> values = district.getOrDefault(key, Map.of());
            boolean isComplete = completeStations.getOrDefault(key, 0).equals(stationsIn.get(f[0]));
            boolean same = true;
            for (String p : List.of("so2", "no2", "co", "pm10", "pm25", "o3_8h_max")) {
                List<Fraction> stationValues = values.get(p);
                String expected = stationValues == null ? "" : mean(stationValues).round(p.equals("co") ? 1 : 0);
                String actual = f[header.indexOf(p)];
                if (!expected.equals(actual)) {
                    same = false;
                    if (mismatches++ < 20) {
                        System.out.println("differs: " + key + " " + p + " exact " + expected + ", replay " + actual
                                + (stationValues == null ? "" : " (station values " + stationValues.stream()
                                        .map(x -> x.num + "/" + x.den).toList() + ")"));
                    }
                }
            }
            compared++;
            if (isComplete) {
                complete++;
                completeMatching += same ? 1 : 0;
            }
        }
        System.out.printf("%d district-days compared, %d values differ; complete district-days: %d of %d match%n",
                compared, mismatches, completeMatching, complete);
        if (mismatches > 0) {
            System.exit(1);
        }
    }

    /** The O3 daily max 8-hour value of a station-day, or null when not valid. */
    static Fraction o3DailyMax8h(BigDecimal[] h) {
        Fraction max = null;
        int windows = 0;
        for (int end = 8; end <= 24; end++) {
            List<Fraction> valid = new ArrayList<>();
            for (int i = end - 7; i <= end; i++) {
                if (h[i] != null) {
                    valid.add(Fraction.of(h[i]));
                }
            }
            if (valid.size() >= 6) {
                Fraction m = mean(valid);
                windows++;
                max = max == null || m.compareTo(max) > 0 ? m : max;
            }
        }
        if (max == null) {
            return null;
        }
        return windows >= 14 || new BigDecimal(max.round(0)).compareTo(new BigDecimal(160)) > 0 ? max : null;
    }
}
