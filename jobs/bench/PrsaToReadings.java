import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Converts the Beijing multi-site hourly CSVs (UCI dataset 501, Zhang et al. 2017, CC BY 4.0) into
 * airindex's reading CSV for benchmarks: {@code station,ts,interval_s,so2,no2,co,o3,pm10,pm25}.
 * The source labels an hour by its start (hour 0 = 00:00-01:00), airindex by its end, so ts = start
 * + 1 h. CO is given in µg/m³ there and mg/m³ here. "NA" becomes an empty cell.
 * Run: java jobs/bench/PrsaToReadings.java OUT.csv IN.csv.gz...
 */
public class PrsaToReadings {
    public static void main(String[] args) throws IOException {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
            out.println("station,ts,interval_s,so2,no2,co,o3,pm10,pm25");
            for (int a = 1; a < args.length; a++) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(Path.of(args[a]))), StandardCharsets.UTF_8))) {
                    String[] header = in.readLine().replace("\"", "").split(",");
                    List<String> h = List.of(header);
                    String line;
                    while ((line = in.readLine()) != null) {
                        String[] f = line.replace("\"", "").split(",", -1);
                        long ts = LocalDateTime.of(Integer.parseInt(f[h.indexOf("year")]),
                                        Integer.parseInt(f[h.indexOf("month")]), Integer.parseInt(f[h.indexOf("day")]),
                                        Integer.parseInt(f[h.indexOf("hour")]), 0)
                                .plusHours(1).atZone(zone).toInstant().toEpochMilli();
                        String co = cell(f[h.indexOf("CO")]);
                        if (!co.isEmpty()) {
                            co = new java.math.BigDecimal(co).movePointLeft(3).stripTrailingZeros().toPlainString();
                        }
                        out.println(String.join(",", f[h.indexOf("station")], Long.toString(ts), "3600",
                                cell(f[h.indexOf("SO2")]), cell(f[h.indexOf("NO2")]), co, cell(f[h.indexOf("O3")]),
                                cell(f[h.indexOf("PM10")]), cell(f[h.indexOf("PM2.5")])));
                    }
                }
            }
        }
    }

    private static String cell(String s) {
        return s.equals("NA") ? "" : s;
    }
}
