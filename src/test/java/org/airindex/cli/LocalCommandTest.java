package org.airindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.airindex.testing.TestDates;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag(TestDates.TAG)
class LocalCommandTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void syntheticDaysThatReachTodayAreRefusedBeforeAnythingStarts() {
        LocalDate today = TestDates.today();
        String err = refused("--from", today.minusDays(1).toString(), "--days", "2");
        assertTrue(err.contains(today.minusDays(1) + " to " + today + " reach past yesterday"), err);
        assertTrue(err.contains("Kafka refuses records from the future"), err);
    }

    /** Whatever today is: whole days ending yesterday, starting on the 1st of this month or the last. */
    @Test
    void byDefaultWholeMonthsSoFarEndingYesterday() {
        LocalDate today = TestDates.today();
        int days = LocalCommand.defaultDays(today);
        LocalDate from = today.minusDays(days);
        assertEquals(1, from.getDayOfMonth(), "starts on a 1st: " + from);
        assertTrue(days >= 7 && days <= 38, "a week at least, a month and a week at most: " + days);
        assertEquals(today.getDayOfMonth() <= 7, !java.time.YearMonth.from(from).equals(java.time.YearMonth.from(today)),
                "reaches into last month exactly in the first week: " + from + " for " + today);
    }

    @Test
    void defaultDaysByHand() {
        assertEquals(30, LocalCommand.defaultDays(LocalDate.of(2026, 12, 1)), "all of November");
        assertEquals(34, LocalCommand.defaultDays(LocalDate.of(2026, 12, 5)), "November and 1..4 December");
        assertEquals(7, LocalCommand.defaultDays(LocalDate.of(2026, 12, 8)), "1..7 December");
        assertEquals(31, LocalCommand.defaultDays(LocalDate.of(2027, 1, 1)), "all of December 2026");
        assertEquals(29, LocalCommand.defaultDays(LocalDate.of(2028, 3, 1)), "February of a leap year");
        assertEquals(30, LocalCommand.defaultDays(LocalDate.of(2026, 12, 31)), "1..30 December");
    }

    private static String refused(String... args) {
        return refusedAt(TestDates.clock(SHANGHAI, LocalTime.NOON), args);
    }

    private static String refusedAt(java.time.Clock clock, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--kafka-classpath";
        all[1] = "unused";
        System.arraycopy(args, 0, all, 2, args.length);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.execute(new LocalCommand(clock, new PrintStream(new ByteArrayOutputStream()), e), all);
        }
        assertEquals(Subcommand.USAGE, status);
        return err.toString(StandardCharsets.UTF_8);
    }
}
