package org.airindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.airindex.local.FreePort;
import org.junit.jupiter.api.Test;

/** What {@code stop} says when it cannot stop anything; stopping a real job is in FailureInjectionEndToEndTest. */
class StopCommandTest {

    @Test
    void noClusterAtTheAddressIsAFailureThatSaysWhereItLooked() throws Exception {
        int port = FreePort.pick();
        CliRun stop = CliRun.of("stop", "--rest", "http://localhost:" + port);
        assertEquals(StopCommand.FAILED, stop.status);
        assertTrue(stop.err.contains("no Flink REST API at http://localhost:" + port), stop.err);
    }

    @Test
    void aBadTimeoutIsAUsageError() {
        CliRun stop = CliRun.of("stop", "--timeout", "ten minutes");
        assertEquals(Subcommand.USAGE, stop.status);
        assertTrue(stop.err.startsWith("stop: "), stop.err);
    }
}
