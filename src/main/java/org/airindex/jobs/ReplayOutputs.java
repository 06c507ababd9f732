package org.airindex.jobs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.io.file.RecordPartSink;
import org.airindex.records.DailyValue;
import org.airindex.records.DeadLetter;
import org.airindex.records.HourlyValue;
import org.airindex.records.NationalStanding;
import org.airindex.records.PeriodValue;
import org.airindex.records.ProvinceReport;

/**
 * The outputs of a replay: the hourly and daily values, which are most of the rows, go to the given
 * sinks; the period values, the province's reports, the dead letters and the alerts, which are few,
 * are written in their serialized form to part files in a folder and read back once the job ends.
 */
public class ReplayOutputs implements Outputs {
    private final Sink<HourlyValue> hourlySink;
    private final Sink<DailyValue> dailySink;
    private final Path parts;
    private RecordPartSink<PeriodValue> periods;
    private RecordPartSink<ProvinceReport> province;
    private RecordPartSink<NationalStanding> national;
    private RecordPartSink<DeadLetter> deadLetters;
    private RecordPartSink<AlertEvent> alerts;

    /** What the job brought back; a subject's records in the order the job produced them. */
    public record Results(List<PeriodValue> periods, List<ProvinceReport> province, List<NationalStanding> national,
            List<DeadLetter> deadLetters, List<AlertEvent> alerts) {}

    /** @param parts a folder for the part files of the few results, emptied by the caller */
    public ReplayOutputs(Sink<HourlyValue> hourlySink, Sink<DailyValue> dailySink, Path parts) {
        this.hourlySink = hourlySink;
        this.dailySink = dailySink;
        this.parts = parts;
    }

    @Override
    public void hourly(Map<String, DataStream<HourlyValue>> byLevel) {
        sinkEach(byLevel, hourlySink, "hourly");
    }

    @Override
    public void daily(Map<String, DataStream<DailyValue>> byLevel) {
        sinkEach(byLevel, dailySink, "daily");
    }

    /**
     * A sink per level, chained to the operator that computes the level's values: a sink on their union
     * would be a task of its own, and every row would be serialized into a blocking shuffle to reach it.
     */
    private static <T> void sinkEach(Map<String, DataStream<T>> byLevel, Sink<T> sink, String what) {
        byLevel.forEach((level, values) -> values.sinkTo(sink).name(level + " " + what + " values")
                .uid(level + "-" + what + "-values-sink"));
    }

    @Override
    public void periods(DataStream<PeriodValue> values) {
        periods = toParts(values, "periods");
    }

    @Override
    public void province(DataStream<ProvinceReport> reports) {
        province = toParts(reports, "province");
    }

    @Override
    public void national(DataStream<NationalStanding> standings) {
        national = toParts(standings, "national");
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> letters) {
        deadLetters = toParts(letters, "dead-letters");
    }

    @Override
    public void alerts(DataStream<AlertEvent> events) {
        alerts = toParts(events, "alerts");
    }

    private <T> RecordPartSink<T> toParts(DataStream<T> stream, String name) {
        RecordPartSink<T> sink = new RecordPartSink<>(parts, name,
                stream.getType().createSerializer(stream.getExecutionConfig().getSerializerConfig()));
        stream.sinkTo(sink).name(name).uid(name + "-parts-sink");
        return sink;
    }

    public Results execute(StreamExecutionEnvironment env, String jobName) throws Exception {
        env.execute(jobName);
        // The job has ended and the machine is the client's: the kinds are read side by side.
        ExecutorService readers = Executors.newFixedThreadPool(5);
        try {
            Future<List<PeriodValue>> p = readers.submit(periods::read);
            Future<List<ProvinceReport>> r = readers.submit(province::read);
            Future<List<NationalStanding>> n = readers.submit(() -> national == null ? List.of() : national.read());
            Future<List<DeadLetter>> d = readers.submit(deadLetters::read);
            Future<List<AlertEvent>> a = readers.submit(alerts::read);
            return new Results(result(p), result(r), result(n), result(d), result(a));
        } finally {
            readers.shutdownNow();
        }
    }

    private static <T> T result(Future<T> read) throws Exception {
        try {
            return read.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
