package org.airindex.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Entry point of {@code java -jar airindex.jar <command> ...}: dispatches to a registered {@link Command}. */
public final class Main {
    private Main() {
    }

    /** Subcommands by name, one registration per line. */
    static Map<String, Command> commands() {
        Map<String, Command> m = new LinkedHashMap<>();
        m.put("aqi", new AqiCommand());
        m.put("index", new IndexCommand());
        m.put("run", new RunCommand(true));
        m.put("stop", new StopCommand());
        m.put("local", new LocalCommand(Clock.systemUTC()));
        m.put("replay", new ReplayCommand());
        return m;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = dispatch(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs a command with its output to the given streams: the jar's entry point, in-process. */
    public static int dispatch(String[] args, PrintStream out, PrintStream err) {
        Map<String, Command> commands = commands();
        Command c = args.length == 0 ? null : commands.get(args[0]);
        if (c == null) {
            if (args.length > 0) {
                err.println("unknown command: " + args[0]);
            }
            err.println("usage: java -jar airindex.jar <command> [options]");
            for (Map.Entry<String, Command> e : commands.entrySet()) {
                err.println("  " + e.getKey() + "  " + e.getValue().summary());
            }
            return Command.USAGE;
        }
        return c.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }
}
