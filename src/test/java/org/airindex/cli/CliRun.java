package org.airindex.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.airindex.config.StationRegistry;
import org.airindex.local.SyntheticReadings;

/** Runs a command in-process and keeps what it printed. */
final class CliRun {
    final int status;
    final String out;
    final String err;

    private CliRun(int status, String out, String err) {
        this.status = status;
        this.out = out;
        this.err = err;
    }

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.dispatch(args, o, e);
        }
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    /** The sample province's synthetic readings of {@code days} days from 2026-11-01, written to input as JSON lines. */
    static List<SyntheticReadings.Record> sampleReadings(String stations, int days, Path input) throws IOException {
        return sampleReadings(stations, LocalDate.of(2026, 11, 1), days, input);
    }

    static List<SyntheticReadings.Record> sampleReadings(String stations, LocalDate first, int days, Path input)
            throws IOException {
        List<SyntheticReadings.Record> records = new SyntheticReadings(StationRegistry.load(Path.of(stations)),
                ZoneId.of("Asia/Shanghai"), first, days, 7L).generate();
        Files.write(input, records.stream().map(SyntheticReadings.Record::json).toList(), StandardCharsets.UTF_8);
        return records;
    }
}
