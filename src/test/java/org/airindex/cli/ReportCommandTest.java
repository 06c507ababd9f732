package org.airindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code report} says when it cannot write a report: exit 2 and one line, never a stack trace. */
class ReportCommandTest {
    @TempDir
    Path work;

    @Test
    void eachKindNeedsItsOwnPeriodOption() {
        CliRun none = CliRun.of("report", "monthly", "--results", work.toString(), "--out", work.toString());
        assertEquals(2, none.status);
        assertTrue(none.err.contains("monthly needs --month"), none.err);
        CliRun two = CliRun.of("report", "daily", "--date", "2026-08-01", "--week", "2026-W31", "--results",
                work.toString(), "--out", work.toString());
        assertEquals(2, two.status);
        assertTrue(two.err.contains("daily needs --date and no other"), two.err);
    }

    @Test
    void oneSourceOfResults() {
        CliRun both = CliRun.of("report", "daily", "--date", "2026-08-01", "--results", work.toString(), "--influx",
                "--out", work.toString());
        assertEquals(2, both.status, both.err);
        CliRun kind = CliRun.of("report", "yearly", "--results", work.toString(), "--out", work.toString());
        assertEquals(2, kind.status, kind.err);
        assertTrue(kind.err.contains("yearly"), kind.err);
    }

    @Test
    void aFolderThatIsNoReplaysSaysSo() {
        CliRun run = CliRun.of("report", "monthly", "--month", "2026-08", "--results", work.toString(), "--out",
                work.resolve("r").toString());
        assertEquals(2, run.status);
        assertTrue(run.err.contains("the --out directory of a replay"), run.err);
        assertTrue(!run.err.contains("\tat "), run.err);
    }

    @Test
    void hostileTablesAreNamedWithTheirLine() throws Exception {
        String header = "province,kind,period,as_of,composite,pm25,composite_change,pm25_change,places\n";
        for (String row : new String[] {"山西省,month,2026-08,2026-08-31,1e999,40,1,1,3", "山西省,month,2026-08,2026-08-31,NaN,40,1,1,3",
                "山西省,month,2026-08,2026-08-31,abc,40,1,1,3", "山西省,month,2026-08,2026-08-31,1,40,1,1,99999999999",
                "山西省,month,2026-08,2026-08-31,\"unterminated", "山西省,month"}) {
            Files.createDirectories(work.resolve("history"));
            CliRun.write(work.resolve("history"), "province_average.csv", header + row + "\n");
            CliRun run = CliRun.of("report", "monthly", "--month", "2026-08", "--results", work.toString(), "--out",
                    work.resolve("r").toString());
            assertEquals(2, run.status, row + ": " + run.err);
            assertTrue(run.err.startsWith("report: ") && run.err.contains("province_average.csv"), row + ": " + run.err);
            assertTrue(!run.err.contains("\tat "), run.err);
        }
    }

    @Test
    void aWeekOrDayThatIsNoneSaysSo() {
        CliRun week = CliRun.of("report", "weekly", "--week", "2026-33", "--results", work.toString(), "--out",
                work.toString());
        assertEquals(2, week.status);
        assertTrue(week.err.contains("2026-W33 (ISO 8601)"), week.err);
        CliRun day = CliRun.of("report", "daily", "--date", "2026-02-30", "--results", work.toString(), "--out",
                work.toString());
        assertEquals(2, day.status);
        assertTrue(day.err.contains("2026-02-30"), day.err);
    }
}
