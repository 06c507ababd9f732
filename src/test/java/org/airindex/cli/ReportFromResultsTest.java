package org.airindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.io.csv.Csv;
import org.airindex.io.csv.CsvRecord;
import org.airindex.io.influx.InfluxQl;
import org.airindex.jobs.ProductionIo;
import org.airindex.local.LocalInfluxd;
import org.airindex.reports.InfluxResults;
import org.airindex.reports.Results;
import org.airindex.testing.ConfigFiles;

/**
 * The reports of a replayed month of the sample province: every figure they show is the one the replay's
 * tables hold, in the CSV files, the HTML and the PDF's text; and the same reports read from InfluxDB, where
 * the same replay wrote, are identical.
 */
class ReportFromResultsTest {
    @TempDir
    static Path work;
    static Path tables;
    static Path reports;
    static AirIndexConfig config;

    @BeforeAll
    static void replayAugustAndReport() throws Exception {
        config = ConfigLoader.load(Path.of("conf/airindex.yaml"));
        Path input = work.resolve("readings.jsonl");
        CliRun.sampleReadings(config.stations, LocalDate.of(2026, 8, 1), 31, input);
        tables = work.resolve("tables");
        CliRun replay = CliRun.of("replay", "--input", input.toString(), "--stations", config.stations, "--out",
                tables.toString(), "--parallelism", "2");
        assertEquals(0, replay.status, replay.err);
        reports = work.resolve("reports");
        for (String[] kind : List.of(new String[] {"monthly", "--month", "2026-08"},
                new String[] {"daily", "--date", "2026-08-20"}, new String[] {"weekly", "--week", "2026-W34"})) {
            CliRun report = CliRun.of("report", kind[0], kind[1], kind[2], "--results", tables.toString(), "--out",
                    reports.toString());
            assertEquals(0, report.status, report.err);
        }
    }

    @Test
    void theBulletinSettlesWhatTheReplaySettled() throws Exception {
        Map<String, Long> totals = new HashMap<>();
        Map<String, String> amounts = new HashMap<>();
        for (Map<String, String> m : rows(tables.resolve("money.csv"))) {
            if (m.get("period").equals("2026-08")) {
                long cny = Long.parseLong(m.get("amount_cny"));
                totals.merge(name(m.get("place")), cny, Long::sum);
                amounts.put(name(m.get("place")) + "/" + m.get("indicator") + "/" + m.get("comparison"),
                        signed(cny) + (Boolean.parseBoolean(m.get("illustrative")) ? "*" : ""));
            }
        }
        assertFalse(totals.isEmpty(), "the replayed August is settled");
        List<Map<String, String>> settlement = rows(reports.resolve("settlement-2026-08.csv"));
        assertEquals(2 * totals.size(), settlement.size());
        for (Map<String, String> row : settlement) {
            String indicator = row.get("指标").equals("综合指数") ? "composite" : "pm25";
            assertEquals(amounts.get(row.get("区县") + "/" + indicator + "/average_value"), row.get("平均值比较"), row.toString());
            assertEquals(amounts.get(row.get("区县") + "/" + indicator + "/improvement_rate"), row.get("改善率比较"),
                    row.toString());
            assertEquals(signed(totals.get(row.get("区县"))), row.get("合计"), row.toString());
        }
        String pdf = pdfText(reports.resolve("bulletin-2026-08.pdf"));
        assertTrue(pdf.contains("山西省环境空气质量月度通报（2026年8月）"), pdf);
        totals.forEach((county, cny) -> assertTrue(pdf.contains(county + (cny >= 0 ? "奖励" : "扣缴") + wan(Math.abs(cny))
                + "万元"), county + " " + cny));
        String html = Files.readString(reports.resolve("bulletin-2026-08.html"));
        totals.forEach((county, cny) -> assertTrue(html.contains(county + (cny >= 0 ? "奖励" : "扣缴")), county));
    }

    @Test
    void theBulletinRanksAsTheReplayRanked() throws Exception {
        Map<String, String> ranks = new HashMap<>();
        for (Map<String, String> r : rows(tables.resolve("ranking.csv"))) {
            if (r.get("period").equals("2026-08") && r.get("metric").equals("composite")) {
                ranks.put(name(r.get("place")), r.get("rank"));
            }
        }
        // Each metric's value is followed by its 名次: the rank of the composite index is the third cell.
        List<CsvRecord> ranking = Csv.records(Files.readString(reports.resolve("ranking-2026-08.csv")));
        assertEquals(List.of("区县", "综合指数", "名次"), ranking.get(0).fields().subList(0, 3));
        assertEquals(ranks.size(), ranking.size() - 1);
        for (CsvRecord row : ranking.subList(1, ranking.size())) {
            assertEquals(ranks.get(row.fields().get(0)), row.fields().get(2), row.toString());
        }
    }

    @Test
    void theDailyAnalysisShowsTheDaysAqiAndItsRank() throws Exception {
        Map<String, Integer> aqi = new HashMap<>();
        for (Map<String, String> d : rows(tables.resolve("county_daily.csv"))) {
            if (d.get("date").equals("2026-08-20") && !d.get("aqi").isEmpty()) {
                aqi.put(name(d.get("place")), Integer.parseInt(d.get("aqi")));
            }
        }
        List<Map<String, String>> daily = rows(reports.resolve("daily-2026-08-20.csv"));
        assertEquals(aqi.size(), daily.size());
        for (Map<String, String> row : daily) {
            int own = aqi.get(row.get("区县"));
            assertEquals(own, Integer.parseInt(row.get("AQI")), row.toString());
            long better = aqi.values().stream().filter(v -> v < own).count();
            assertEquals(better + 1, Long.parseLong(row.get("名次")), row.toString());
        }
    }

    /** Its station table holds the replay's top two shares of each county as of the day, and they sum to 1. */
    @Test
    void theDailyAnalysisShowsTheReplaysStationContributions() throws Exception {
        List<Map<String, String>> contributions = rows(tables.resolve("history/contribution.csv")).stream()
                .filter(c -> c.get("as_of").equals("2026-08-20")).toList();
        assertFalse(contributions.isEmpty(), "the replay wrote station contributions");
        Map<String, Double> sums = new HashMap<>();
        contributions.stream().filter(c -> !c.get("share").isEmpty()).forEach(c -> sums.merge(c.get("place") + " "
                + c.get("indicator"), Double.parseDouble(c.get("share")), Double::sum));
        sums.forEach((k, sum) -> assertEquals(1.0, sum, 1e-9, k));
        List<String> expected = contributions.stream().filter(c -> !c.get("rank").isEmpty()
                && Integer.parseInt(c.get("rank")) <= 2).map(c -> name(c.get("place")) + " " + c.get("station") + " "
                        + c.get("rank")).sorted().toList();
        List<String> shown = rows(reports.resolve("stations-2026-08-20.csv")).stream().map(r -> r.get("区县") + " "
                + r.get("站点") + " " + r.get("名次")).sorted().toList();
        assertEquals(expected, shown);
    }

    @Test
    void theWeeklyDispatchShowsTheMonthAsOfItsSunday() throws Exception {
        Map<String, String> composite = new HashMap<>();
        for (Map<String, String> p : rows(tables.resolve("history/period.csv"))) {
            if (p.get("level").equals("county") && p.get("period").equals("2026-08") && p.get("as_of").equals("2026-08-23")) {
                composite.put(name(p.get("place")), new BigDecimal(p.get("composite")).setScale(2, RoundingMode.UNNECESSARY)
                        .toPlainString());
            }
        }
        List<Map<String, String>> weekly = rows(reports.resolve("weekly-2026-W34.csv"));
        assertEquals(composite.size(), weekly.size());
        weekly.forEach(row -> assertEquals(composite.get(row.get("区县")), row.get("月综合指数"), row.toString()));
    }

    /** Every city of the sample province gets its national estimate, and the weekly dispatch shows it. */
    @Test
    void theNationalEstimatesReachTheWeeklyDispatch() throws Exception {
        List<Map<String, String>> estimates = rows(tables.resolve("national_estimate.csv")).stream()
                .filter(n -> n.get("as_of").equals("2026-08-23")).toList();
        // 11 cities, leaving the bottom 10 and the bottom 20, against July's table of 168 cities.
        assertEquals(22, estimates.size());
        estimates.forEach(n -> {
            assertEquals("2026-07", n.get("table_period"));
            assertEquals("168", n.get("of"));
        });
        List<Map<String, String>> weekly = rows(reports.resolve("national-2026-W34.csv"));
        assertEquals(22, weekly.size());
        for (int i = 0; i < weekly.size(); i++) {
            Map<String, String> n = estimates.get(i);
            assertEquals(n.get("city").substring(n.get("city").lastIndexOf('/') + 1), weekly.get(i).get("城市"));
            assertEquals(n.get("rank") + "/168", weekly.get(i).get("估计名次"));
        }
    }

    /** A what-if starts from the month as the job settled it: its "now" column is the job's own money. */
    @Test
    void aWhatIfStartsFromTheJobsSettlement() throws Exception {
        Map<String, Long> settled = new LinkedHashMap<>();
        String place = null;
        for (Map<String, String> m : rows(tables.resolve("history/money.csv"))) {
            if (m.get("as_of").equals("2026-08-16") && m.get("period").equals("2026-08")) {
                place = place == null ? m.get("place") : place;
                if (m.get("place").equals(place)) {
                    settled.put(m.get("indicator") + " " + m.get("comparison"), Long.parseLong(m.get("amount_cny")));
                }
            }
        }
        assertEquals(4, settled.size(), settled.toString());
        CliRun whatif = CliRun.of("whatif", "--place", place, "--period", "2026-08", "--as-of", "2026-08-16", "--pm25",
                "-5", "--results", tables.toString());
        assertEquals(0, whatif.status, whatif.err);
        assertTrue(whatif.out.contains(place + " 2026-08 as of 2026-08-16; then: 15 days from 2026-08-17"), whatif.out);
        for (Map.Entry<String, Long> e : settled.entrySet()) {
            String line = whatif.out.lines().filter(l -> l.startsWith("万元 " + e.getKey())).findFirst().orElseThrow();
            assertEquals(signed(e.getValue()), line.substring(34).trim().split("\\s+")[0], line);
        }
        long total = settled.values().stream().mapToLong(Long::longValue).sum();
        String line = whatif.out.lines().filter(l -> l.startsWith("万元 total")).findFirst().orElseThrow();
        String[] cells = line.substring(34).trim().split("\\s+");
        assertEquals(signed(total), cells[0], line);
        // Cleaner days cannot cost money.
        assertTrue(Double.parseDouble(cells[1]) >= Double.parseDouble(cells[0]), line);
        // The job projected the same cut that day (province.whatif_cuts): the same money then.
        String p = place;
        Map<String, String> job = rows(tables.resolve("history/whatif.csv")).stream().filter(w -> w.get("as_of")
                .equals("2026-08-16") && w.get("place").equals(p) && w.get("cut").equals("5")).findFirst().orElseThrow();
        assertEquals(Long.toString(total), job.get("total_now_cny"));
        assertEquals(cells[1], signed(Long.parseLong(job.get("total_then_cny"))), job.toString());
    }

    @Test
    void theSameReportsFromInfluxDb() throws Exception {
        try (LocalInfluxd influxd = LocalInfluxd.start(work.resolve("influxd"))) {
            AirIndexConfig c = ConfigLoader.load(Path.of("conf/airindex.yaml"));
            c.influx.url = influxd.url();
            c.influx.api = "v1";
            influxd.createDatabase(c.influx.database);
            Path file = ConfigFiles.write(c, work.resolve("influx.yaml"));
            CliRun replay = CliRun.of("replay", "--input", work.resolve("readings.jsonl").toString(), "--stations",
                    c.stations, "--influx", "--config", file.toString(), "--parallelism", "2");
            assertEquals(0, replay.status, replay.err);
            Path fromInflux = work.resolve("from-influx");
            for (String[] kind : List.of(new String[] {"monthly", "--month", "2026-08"},
                    new String[] {"daily", "--date", "2026-08-20"}, new String[] {"weekly", "--week", "2026-W34"})) {
                CliRun report = CliRun.of("report", kind[0], kind[1], kind[2], "--influx", "--config", file.toString(),
                        "--out", fromInflux.toString());
                assertEquals(0, report.status, report.err);
            }
            List<Path> compared = new ArrayList<>();
            try (Stream<Path> files = Files.list(reports)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".html"))
                        .sorted(Comparator.naturalOrder()).toList()) {
                    assertEquals(Files.readString(f), Files.readString(fromInflux.resolve(f.getFileName())), f.toString());
                    compared.add(f);
                }
            }
            assertTrue(compared.size() >= 10, compared.toString());

            // A report reads the versions of its days only: up to its last day, back a year and 31 days.
            InfluxResults all = new InfluxResults(InfluxQl.of(ProductionIo.influx(c.influx)), c.zone());
            TreeSet<String> days = asOfDays(all.periods("county"));
            assertEquals(31, days.size(), days.toString());
            assertEquals(days.headSet("2026-08-11"), asOfDays(all.forReportOn(LocalDate.of(2026, 8, 10)).periods("county")));
            // 2027-09-20 less a year and 31 days is 2026-08-20.
            Results late = all.forReportOn(LocalDate.of(2027, 9, 20));
            assertEquals(days.tailSet("2026-08-20"), asOfDays(late.periods("county")));
            assertTrue(late.alerts().stream().anyMatch(a -> a.start().compareTo("2026-08-20") < 0),
                    "an alert that started before the window is still read");
            assertEquals(all.alerts(), late.alerts(), "alerts whenever they started");
        }
    }

    private static TreeSet<String> asOfDays(List<Results.PlacePeriod> periods) {
        return periods.stream().map(Results.PlacePeriod::asOf).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A county as the reports name it: the sample province has two 城区 and the report names them by city. */
    private static String name(String placeKey) {
        String[] parts = placeKey.split("/");
        return parts[2].equals("城区") ? parts[1] + parts[2] : parts[2];
    }

    private static String signed(long cny) {
        return (cny > 0 ? "+" : cny < 0 ? "-" : "") + wan(Math.abs(cny));
    }

    private static String wan(long cny) {
        return BigDecimal.valueOf(cny).movePointLeft(4).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static List<Map<String, String>> rows(Path csv) throws Exception {
        List<CsvRecord> records = Csv.records(Files.readString(csv, StandardCharsets.UTF_8));
        List<String> header = records.get(0).fields();
        List<Map<String, String>> out = new ArrayList<>();
        for (CsvRecord r : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.fields().get(i));
            }
            out.add(row);
        }
        return out;
    }

    /** The PDF's text with the line breaks of its layout taken out. */
    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(new File(pdf.toString()))) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }
}
