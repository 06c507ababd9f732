package org.airindex.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/** Entry point of {@code java -jar airindex.jar <command> ...}: picocli parses the arguments and runs the command. */
@Command(name = "java -jar airindex.jar", scope = ScopeType.INHERIT, showDefaultValues = true,
        description = "Air-quality analytics: the AQI and composite index calculators, and the job that computes "
                + "them on a stream of readings.")
public final class Main {
    // Inherited by every command, so that each documents its options.
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "show this help and exit")
    private boolean help;

    private Main() {
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
        return commandLine(out, err).execute(args);
    }

    /** The jar's commands, in the order --help lists them, printing to out and err. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine jar = new CommandLine(new Main())
                .addSubcommand(new AqiCommand(out, err))
                .addSubcommand(new IndexCommand(out, err))
                .addSubcommand(new RunCommand(true, out, err))
                .addSubcommand(new StopCommand(out, err))
                .addSubcommand(new LocalCommand(Clock.systemUTC(), out, err))
                .addSubcommand(new ReplayCommand(out, err))
                .addSubcommand(new ReportCommand(out, err))
                .addSubcommand(new WhatIfCommand(out, err));
        return printingTo(jar, out, err);
    }

    /** Runs one command on its own, as the cluster jar's entry class does. */
    static int execute(Subcommand command, String... args) {
        return printingTo(new CommandLine(command), command.out, command.err).execute(args);
    }

    /** Settings made after the subcommands are added, since picocli passes them down only to those present. */
    private static CommandLine printingTo(CommandLine cli, PrintStream out, PrintStream err) {
        return cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true))
                // An argument that starts with @ is a value, as it always was, not a file of arguments.
                .setExpandAtFiles(false)
                .setParameterExceptionHandler(Main::usageError);
    }

    /**
     * One line saying what is wrong, prefixed with the command it concerns, then that command's usage. A first
     * argument that names no command is reported as such rather than as picocli's unmatched argument.
     */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        boolean jar = command.getCommand() instanceof Main;
        if (jar && e instanceof UnmatchedArgumentException u && !u.isUnknownOption()) {
            err.println("unknown command: " + u.getUnmatched().get(0));
        } else {
            err.println((jar ? "" : command.getCommandName() + ": ") + e.getMessage());
        }
        command.usage(err);
        return Subcommand.USAGE;
    }
}
