package org.airindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void unknownOrNoCommandPrintsUsageAndExits2() {
        CliRun none = CliRun.of();
        assertEquals(2, none.status);
        assertTrue(none.err.contains("aqi"), none.err);
        assertTrue(none.err.contains("index"), none.err);
        CliRun bogus = CliRun.of("bogus");
        assertEquals(2, bogus.status);
        assertTrue(bogus.err.startsWith("unknown command: bogus"), bogus.err);
    }

    @Test
    void registersTheCalculators() {
        assertTrue(Main.commands().get("aqi") instanceof AqiCommand);
        assertTrue(Main.commands().get("index") instanceof IndexCommand);
    }
}
