package org.airindex.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import org.airindex.config.AirIndexConfig;
import org.airindex.io.influx.InfluxQl;
import org.airindex.jobs.ProductionIo;
import org.airindex.reports.InfluxResults;
import org.airindex.reports.ReplayResults;
import org.airindex.reports.Results;
import picocli.CommandLine.Option;

/** Where a command reads the job's results: a replay's tables or the configured InfluxDB, exactly one (an ArgGroup). */
final class ResultsSource {
    @Option(names = "--results", paramLabel = "DIR", required = true, description = "the --out folder of a replay")
    private Path replay;

    @Option(names = "--influx", required = true, description = "the InfluxDB of the configuration")
    private boolean influx;

    Results open(AirIndexConfig config) {
        return influx ? new InfluxResults(InfluxQl.of(ProductionIo.influx(config.influx)), config.zone())
                : new ReplayResults(replay);
    }

    /** The results a report whose last day is {@code lastDay} reads (from InfluxDB, only the days it can need). */
    Results forReportOn(AirIndexConfig config, LocalDate lastDay) {
        Results results = open(config);
        return results instanceof InfluxResults i ? i.forReportOn(lastDay) : results;
    }
}
