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

    @Test
    void byDefaultTheMonthSoFarOrAtLeastTheLastWeekEndingYesterday() {
        LocalDate today = TestDates.today();
        int days = LocalCommand.defaultDays(today);
        LocalDate from = today.minusDays(days);
        assertTrue(days >= 7, "at least a week: " + days);
        assertTrue(!from.isAfter(today.withDayOfMonth(1)), "the month so far: from " + from + " for today " + today);
        if (today.getDayOfMonth() <= 7) {
            assertTrue(from.isBefore(today.withDayOfMonth(1)), "reaches into last month: " + from);
        } else {
            assertEquals(today.withDayOfMonth(1), from);
        }
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
            status = new LocalCommand(clock).run(all, new PrintStream(new ByteArrayOutputStream()), e);
        }
        assertEquals(Command.USAGE, status);
        return err.toString(StandardCharsets.UTF_8);
    }
}
