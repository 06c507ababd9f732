package org.airindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.airindex.local.FreePort;
import org.junit.jupiter.api.Test;

/** What {@code stop} says when it cannot stop anything; stopping a real job is in FailureInjectionEndToEndTest. */
class StopCommandTest {

    @Test
    void noClusterAtTheAddressIsAFailureThatSaysWhereItLooked() throws Exception {
        int port = FreePort.pick();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new StopCommand().run(new String[] {"--rest", "http://localhost:" + port},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(StopCommand.FAILED, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no Flink REST API at http://localhost:" + port), err.toString());
    }

    @Test
    void aBadTimeoutIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new StopCommand().run(new String[] {"--timeout", "ten minutes"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Command.USAGE, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("stop: "), err.toString());
    }
}
