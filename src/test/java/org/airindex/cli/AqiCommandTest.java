package org.airindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AqiCommandTest {
    private static final String HOURLY_HEADER =
            "time,so2,no2,co,o3,pm10,pm25,note,aqi,category,primary,iaqi_so2,iaqi_no2,iaqi_co,iaqi_o3,iaqi_pm10,iaqi_pm25\n";

    @Test
    void hourlyChoosesTheRuleSetByTheEndLabelledHour(@TempDir Path dir) throws IOException {
        Path in = CliRun.write(dir, "h.csv", """
                time,so2,no2,co,o3,pm10,pm25,note
                2026-02-28T23:00,10,20,0.8,50,60,36,"a, b"
                2026-03-01T00:00,10,20,0.8,50,60,61,hour 24 of Feb 28
                2026-03-01T01:00+08:00,10,20,0.8,50,60,61,x
                2026-03-01T02:00,10,20,0.8,50,60,-1,negative
                2026-03-01 03:00,10,,0.8,50,60,40,missing no2
                not-a-time,10,20,0.8,50,60,40,x
                2026-03-01T04:00,10,20,abc,50,60,40,x
                2026-03-01T05:00,10,20
                """);
        CliRun r = CliRun.of("aqi", "--input", in.toString());
        // 2012: so2 50/150·10 → 4, no2 10, co 8, o3 50/160·50 → 16, pm10 55, pm25 36 → 51.25 → 52; 61 → 82.5 → 83
        // 2026: pm10 50 + 50/70·10 → 58, pm25 61 → 100.9 → 101; pm25 40 → 60 with no2 missing → NA
        assertEquals(HOURLY_HEADER
                + "2026-02-28T23:00,10,20,0.8,50,60,36,\"a, b\",55,良,pm10,4,10,8,16,55,52\n"
                + "2026-03-01T00:00,10,20,0.8,50,60,61,hour 24 of Feb 28,83,良,pm25,4,10,8,16,55,83\n"
                + "2026-03-01T01:00+08:00,10,20,0.8,50,60,61,x,101,轻度污染,pm25,4,10,8,16,58,101\n"
                + "2026-03-01 03:00,10,,0.8,50,60,40,missing no2,,,,4,,8,16,58,60\n", r.out);
        assertEquals(1, r.status);
        String[] errors = r.err.split("\n");
        assertEquals(4, errors.length, r.err);
        assertTrue(errors[0].startsWith("line 5: pm25: negative value -1"), errors[0]);
        assertTrue(errors[1].startsWith("line 7: time:"), errors[1]);
        assertTrue(errors[2].startsWith("line 8: co: not a number"), errors[2]);
        assertTrue(errors[3].startsWith("line 9: expected 8 fields, found 3"), errors[3]);
    }

    @Test
    void fixedRulesNeedNoTimeColumnAndEnglishCategories(@TempDir Path dir) throws IOException {
        Path in = CliRun.write(dir, "h.csv", "so2,no2,co,o3,pm10,pm25\n10,20,0.8,50,60,61\n");
        CliRun r = CliRun.of("aqi", "--input", in.toString(), "--rules", "2012", "--category", "en");
        assertEquals("so2,no2,co,o3,pm10,pm25,aqi,category,primary,iaqi_so2,iaqi_no2,iaqi_co,iaqi_o3,iaqi_pm10,iaqi_pm25\n"
                + "10,20,0.8,50,60,61,83,moderate,pm25,4,10,8,16,55,83\n", r.out);
        assertEquals(0, r.status);
        assertEquals("", r.err);
    }

    @Test
    void dailyAddsTheO3OneHourColumnFor2012(@TempDir Path dir) throws IOException {
        Path in = CliRun.write(dir, "d.csv", """
                date,so2,no2,co,pm10,pm25,o3_8h_max,o3_1h_max
                2026-02-28,10,20,1.0,60,40,100,100
                2026-03-01,10,20,1.0,60,40,100,
                2026-03-02,10,20,2.45,60,40,100,
                """);
        CliRun r = CliRun.of("aqi", "--input", in.toString(), "--report", "daily");
        // 2012: so2 10, no2 25, co 25, o3 8h 50, pm10 55, pm25 50 + 50/40·5 → 57, o3 1h 50/160·100 → 32
        // 2026: pm10 58, pm25 50 + 50/25·5 = 60; co 2.45 → 2.4: 50 + 25·0.4 = 60 ties with pm25
        assertEquals("date,so2,no2,co,pm10,pm25,o3_8h_max,o3_1h_max,aqi,category,primary,"
                + "iaqi_so2,iaqi_no2,iaqi_co,iaqi_o3,iaqi_pm10,iaqi_pm25,iaqi_o3_1h\n"
                + "2026-02-28,10,20,1.0,60,40,100,100,57,良,pm25,10,25,25,50,55,57,32\n"
                + "2026-03-01,10,20,1.0,60,40,100,,60,良,pm25,10,25,25,50,58,60,\n"
                + "2026-03-02,10,20,2.45,60,40,100,,60,良,co;pm25,10,25,60,50,58,60,\n", r.out);
        assertEquals(0, r.status, r.err);
    }

    @Test
    void daily2026OnlyHasNoO3OneHourColumn(@TempDir Path dir) throws IOException {
        Path in = CliRun.write(dir, "d.csv", "so2,no2,co,pm10,pm25,o3_8h_max\n10,20,1.0,60,40,100\n");
        CliRun r = CliRun.of("aqi", "--input", in.toString(), "--report", "daily", "--rules", "2026");
        assertEquals("so2,no2,co,pm10,pm25,o3_8h_max,aqi,category,primary,"
                + "iaqi_so2,iaqi_no2,iaqi_co,iaqi_o3,iaqi_pm10,iaqi_pm25\n"
                + "10,20,1.0,60,40,100,60,良,pm25,10,25,25,50,58,60\n", r.out);
    }

    @Test
    void outputFileIsUtf8(@TempDir Path dir) throws IOException {
        Path in = CliRun.write(dir, "h.csv", "so2,no2,co,o3,pm10,pm25\n10,20,0.8,50,60,61\n");
        Path out = dir.resolve("out.csv");
        CliRun r = CliRun.of("aqi", "--input", in.toString(), "--rules", "2026", "--output", out.toString());
        assertEquals("", r.out);
        assertEquals(0, r.status);
        String written = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(written.endsWith("10,20,0.8,50,60,61,101,轻度污染,pm25,4,10,8,16,58,101\n"), written);
    }

    @Test
    void unusableArgumentsExitWith2(@TempDir Path dir) throws IOException {
        Path in = CliRun.write(dir, "h.csv", "time,so2,no2,co,o3,pm10\n2026-03-01T01:00,1,1,1,1,1\n");
        assertEquals(2, CliRun.of("aqi").status);
        assertEquals(2, CliRun.of("aqi", "--input", dir.resolve("nope.csv").toString()).status);
        assertEquals(2, CliRun.of("aqi", "--input", in.toString(), "--report", "weekly").status);
        assertEquals(2, CliRun.of("aqi", "--input", in.toString(), "--rules", "2019").status);
        assertEquals(2, CliRun.of("aqi", "--input", in.toString(), "--bogus", "x").status);
        CliRun missing = CliRun.of("aqi", "--input", in.toString());
        assertEquals(2, missing.status);
        assertTrue(missing.err.contains("missing column(s) pm25"), missing.err);
        assertEquals("", missing.out);
    }

    @Test
    void standardsFolderSelectsOptions(@TempDir Path dir) throws IOException {
        Path conf = Files.createDirectory(dir.resolve("standards"));
        try (var files = Files.list(Path.of("conf/standards"))) {
            for (Path f : files.toList()) {
                Files.copy(f, conf.resolve(f.getFileName()));
            }
        }
        Path y2012 = conf.resolve("2012.yaml");
        Files.writeString(y2012, Files.readString(y2012).replace("realtime_pm: hourly", "realtime_pm: moving_24h"));
        Path in = CliRun.write(dir, "h.csv", "so2,no2,co,o3,pm10,pm25,pm10_24h,pm25_24h,o3_8h\n"
                + "10,20,0.5,50,400,200,50,75,161\n");
        CliRun r = CliRun.of("aqi", "--input", in.toString(), "--rules", "2012", "--standards", conf.toString());
        // PM from the 24h means (pm10 50 → 50, pm25 75 → 100) and O3 8h 161 → 101 enters
        assertEquals("so2,no2,co,o3,pm10,pm25,pm10_24h,pm25_24h,o3_8h,aqi,category,primary,"
                + "iaqi_so2,iaqi_no2,iaqi_co,iaqi_o3,iaqi_pm10,iaqi_pm25,iaqi_o3_8h\n"
                + "10,20,0.5,50,400,200,50,75,161,101,轻度污染,o3,4,10,5,16,50,100,101\n", r.out);
        assertEquals(0, r.status, r.err);
    }
}
