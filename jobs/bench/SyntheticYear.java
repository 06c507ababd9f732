import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * Writes a synthetic province for the year-scale replay benchmark: S stations (counties of four, cities of
 * five counties, one province) and one hourly reading per station and hour of a calendar year, in
 * airindex's reading CSV ({@code station,ts,interval_s,so2,no2,co,o3,pm10,pm25}) and station CSV. Values
 * follow a seasonal and daily cycle with per-station noise, at one decimal like real feeds; a few cells are
 * empty (missed measurements). The same arguments always give the same files.
 * Run: java jobs/bench/SyntheticYear.java READINGS.csv STATIONS.csv STATIONS YEAR
 */
public class SyntheticYear {
    public static void main(String[] args) throws IOException {
        int stations = Integer.parseInt(args[2]);
        int year = Integer.parseInt(args[3]);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        long start = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant().toEpochMilli();
        int hours = LocalDate.of(year, 1, 1).lengthOfYear() * 24;
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
            out.println("station,name,county,city,province,lat,lon");
            for (int s = 0; s < stations; s++) {
                out.printf("S%05d,站%d,县%d,市%d,省,,%n", s, s, s / 4, s / 20);
            }
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
            out.println("station,ts,interval_s,so2,no2,co,o3,pm10,pm25");
            // Station by station, as a file export would be: the replay sorts by event time itself.
            for (int s = 0; s < stations; s++) {
                SplittableRandom random = new SplittableRandom(31L * s + year);
                double level = 0.7 + 0.6 * random.nextDouble();
                for (int h = 1; h <= hours; h++) {
                    double season = 1 + 0.6 * Math.cos(2 * Math.PI * h / hours);
                    double day = 1 + 0.3 * Math.sin(2 * Math.PI * (h % 24) / 24);
                    double f = level * season * day * (0.6 + 0.8 * random.nextDouble());
                    double o3 = 60 * (2 - season) * (2 - day) * (0.6 + 0.8 * random.nextDouble());
                    out.print("S" + String.format("%05d", s) + "," + (start + h * 3_600_000L) + ",3600,");
                    out.print(cell(random, 8 * f) + "," + cell(random, 30 * f) + "," + cell(random, 0.8 * f) + ",");
                    out.println(cell(random, o3) + "," + cell(random, 70 * f) + "," + cell(random, 40 * f));
                }
            }
        }
    }

    private static String cell(SplittableRandom random, double value) {
        return random.nextInt(200) == 0 ? "" : Double.toString(Math.round(value * 10) / 10.0);
    }
}
