package org.airindex.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** The benchmarks' figures, a line each in work/bench/bench.csv, so that runs can be compared. */
final class BenchCsv {
    static final Path FILE = Path.of("work/bench/bench.csv");
    private final StringBuilder lines = new StringBuilder();
    private final String run;

    /** @param run what the figures were measured on, e.g. "1000 stations x 720 h, parallelism 2" */
    BenchCsv(String run) {
        this.run = Instant.now() + ",\"" + run + "\"";
    }

    BenchCsv add(String measure, double value, String unit) {
        lines.append(run).append(",\"").append(measure).append("\",").append(value).append(',').append(unit).append('\n');
        return this;
    }

    void append() throws IOException {
        Files.createDirectories(FILE.getParent());
        if (!Files.exists(FILE)) {
            Files.writeString(FILE, "at,run,measure,value,unit\n");
        }
        Files.writeString(FILE, lines, StandardOpenOption.APPEND);
        System.out.println("appended to " + FILE);
    }
}
