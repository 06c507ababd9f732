package org.airindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LocalCommandTest {
    @Test
    void syntheticDaysThatReachTodayAreRefusedBeforeAnythingStarts() {
        CliRun run = CliRun.of("local", "--kafka-classpath", "unused", "--from", "2100-01-01", "--days", "3");
        assertEquals(2, run.status);
        assertTrue(run.err.contains("2100-01-01 to 2100-01-03 reach past yesterday"), run.err);
        assertTrue(run.err.contains("Kafka refuses records from the future"), run.err);
    }
}
