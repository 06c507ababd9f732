package org.airindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCommandTest {
    @Test
    void compositeSharesAndLargestPerRow(@TempDir Path dir) throws IOException {
        Path in = CliRun.write(dir, "i.csv", """
                place,period,so2,no2,pm10,pm25,co_p95,o3_8h_p90
                A,2025-12,6,30,70,35,1.2,160
                B,2026-03,6,30,70,35,1.2,160
                "C, county",2025-12..2026-03,6,30,70,35,1.2,160
                D,2025,6,30,70,35,1.2,160
                E,2026-03,6,30,70,35,1.2,
                F,2026-13,6,30,70,35,1.2,160
                G,2026-03,6,-30,70,35,1.2,160
                """);
        CliRun r = CliRun.of("index", "--input", in.toString());
        // 2012: 0.1 + 0.75 + 1 + 1 + 0.3 + 1 = 4.15; shares 2.4, 18.1, 24.1, 24.1, 7.2, 24.1 %
        // 2026: PM10 70/60, PM2.5 35/30 → 4.48333 → 4.48; shares 2.2, 16.7, 26.0, 26.0, 6.7, 22.3 %
        String a2012 = "4.15,2.4,18.1,24.1,24.1,7.2,24.1,o3;pm10;pm25";
        String a2026 = "4.48,2.2,16.7,26.0,26.0,6.7,22.3,pm10;pm25";
        assertEquals("place,period,so2,no2,pm10,pm25,co_p95,o3_8h_p90,composite,share_so2,share_no2,share_pm10,"
                + "share_pm25,share_co,share_o3,largest\n"
                + "A,2025-12,6,30,70,35,1.2,160," + a2012 + "\n"
                + "B,2026-03,6,30,70,35,1.2,160," + a2026 + "\n"
                + "\"C, county\",2025-12..2026-03,6,30,70,35,1.2,160," + a2026 + "\n"
                + "D,2025,6,30,70,35,1.2,160," + a2012 + "\n"
                + "E,2026-03,6,30,70,35,1.2,,,,,,,,,\n", r.out);
        assertEquals(1, r.status);
        String[] errors = r.err.split("\n");
        assertEquals(2, errors.length, r.err);
        assertTrue(errors[0].startsWith("line 7: period:"), errors[0]);
        assertTrue(errors[1].startsWith("line 8: no2: negative value -30"), errors[1]);
    }

    @Test
    void fixedRulesOverrideThePeriod(@TempDir Path dir) throws IOException {
        Path in = CliRun.write(dir, "i.csv", "place,so2,no2,pm10,pm25,co_p95,o3_8h_p90\nA,6,30,70,35,1.2,160\n");
        CliRun r = CliRun.of("index", "--input", in.toString(), "--rules", "2026");
        assertTrue(r.out.endsWith("A,6,30,70,35,1.2,160,4.48,2.2,16.7,26.0,26.0,6.7,22.3,pm10;pm25\n"), r.out);
        assertEquals(0, r.status);
        assertEquals(2, CliRun.of("index", "--input", in.toString()).status, "auto needs the period column");
    }

    @Test
    void periodForms() throws BadRowException {
        LocalDate[] month = IndexCommand.period("2024-02");
        assertEquals(LocalDate.of(2024, 2, 1), month[0]);
        assertEquals(LocalDate.of(2024, 2, 29), month[1]);
        LocalDate[] year = IndexCommand.period("2026");
        assertEquals(LocalDate.of(2026, 12, 31), year[1]);
        LocalDate[] range = IndexCommand.period("2025-12..2026-03");
        assertEquals(LocalDate.of(2025, 12, 1), range[0]);
        assertEquals(LocalDate.of(2026, 3, 31), range[1]);
        assertThrows(BadRowException.class, () -> IndexCommand.period("2026-03..2025-12"));
        assertThrows(BadRowException.class, () -> IndexCommand.period("26-03"));
    }
}
