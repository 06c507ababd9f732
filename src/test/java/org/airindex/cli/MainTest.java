package org.airindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

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
        Map<String, CommandLine> commands = commands();
        assertTrue(commands.get("aqi").getCommand() instanceof AqiCommand);
        assertTrue(commands.get("index").getCommand() instanceof IndexCommand);
    }

    @Test
    void helpListsEveryCommandWithItsDescription() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.status, help.err);
        assertEquals("", help.err);
        for (String name : List.of("aqi", "index", "run", "stop", "local", "replay")) {
            assertTrue(help.out.contains("\n  " + name + " "), name + " in\n" + help.out);
        }
        commands().forEach((name, command) -> {
            String[] description = command.getCommandSpec().usageMessage().description();
            assertTrue(description.length > 0 && !description[0].isBlank(), name + " has a description");
        });
    }

    /** Each option by its name, with a line that says what it is and, if it may be left out, what it then is. */
    @Test
    void everyCommandsHelpDocumentsEveryOption() {
        commands().forEach((name, command) -> {
            CliRun help = CliRun.of(name, "--help");
            assertEquals(0, help.status, name + ": " + help.err);
            assertEquals("", help.err);
            List<OptionSpec> options = command.getCommandSpec().options();
            assertTrue(options.size() > 1, name + " has options besides --help");
            for (OptionSpec o : options) {
                String shown = " " + o.longestName() + (o.arity().max == 0 ? " " : "=" + o.paramLabel());
                assertTrue(help.out.contains(shown), shown + " in\n" + help.out);
                assertTrue(o.description().length > 0 && !o.description()[0].isBlank(), name + " " + o.longestName());
                assertTrue(showsDefault(o), name + " " + o.longestName() + " shows its default");
            }
        });
        String aqi = CliRun.of("aqi", "--help").out;
        for (String option : List.of("--input=F", "--report=hourly|daily", "--rules=auto|ID", "--output=F",
                "--category=zh|en|level", "--standards=DIR", "--help")) {
            assertTrue(aqi.contains(option), option + " in\n" + aqi);
        }
        assertTrue(aqi.contains("Default: hourly"), aqi);
        String replay = CliRun.of("replay", "--help").out;
        for (String option : List.of("--input=F", "--stations=F", "--baselines=F", "--scheme=F", "--config=F",
                "--parallelism=N", "--out=DIR", "--influx")) {
            assertTrue(replay.contains(option), option + " in\n" + replay);
        }
    }

    @Test
    void usageErrorsSayWhatIsWrongThenTheUsageAndExit2(@TempDir Path dir) {
        CliRun unknown = CliRun.of("aqi", "--input", "in.csv", "--bogus");
        assertEquals(2, unknown.status);
        assertTrue(unknown.err.startsWith("aqi: Unknown option: '--bogus'\nUsage: java -jar airindex.jar aqi "),
                unknown.err);
        assertEquals("", unknown.out);

        CliRun missing = CliRun.of("replay", "--stations", "conf/stations.csv", "--out", dir.toString());
        assertEquals(2, missing.status);
        assertTrue(missing.err.startsWith("replay: Missing required option: '--input=F'\nUsage:"), missing.err);

        CliRun twice = CliRun.of("index", "--input", "a.csv", "--input", "b.csv");
        assertEquals(2, twice.status);
        assertTrue(twice.err.startsWith("index: option '--input' (F) should be specified only once"), twice.err);

        CliRun badValue = CliRun.of("local", "--kafka-classpath", "unused", "--days", "a week");
        assertEquals(2, badValue.status);
        assertTrue(badValue.err.startsWith("local: Invalid value for option '--days': 'a week' is not an int"),
                badValue.err);
        assertFalse(badValue.err.contains("\tat "), "no stack trace: " + badValue.err);
    }

    private static Map<String, CommandLine> commands() {
        return Main.commandLine(System.out, System.err).getSubcommands();
    }

    /** Left out, an option that takes a value has a default: picocli's, or one its description states. */
    private static boolean showsDefault(OptionSpec o) {
        return o.required() || o.arity().max == 0 || o.defaultValue() != null || o.initialValue() != null
                || Arrays.stream(o.description()).anyMatch(line -> line.strip().startsWith("Default: "));
    }
}
