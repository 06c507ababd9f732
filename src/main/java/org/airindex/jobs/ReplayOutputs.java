package org.airindex.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.records.DailyValue;
import org.airindex.records.DeadLetter;
import org.airindex.records.HourlyValue;
import org.airindex.records.PeriodValue;
import org.airindex.records.ProvinceReport;

/**
 * The outputs of a replay: the hourly and daily values, which are most of the rows, go to the given
 * sinks where they are produced; the period values, the province's reports, the dead letters and the
 * alerts, which are few, are brought back to the client. Every collected stream is drained on its
 * own thread while the job runs: a collect sink whose buffer is not read would hold up the whole job.
 */
public class ReplayOutputs implements Outputs {
    private final Sink<HourlyValue> hourlySink;
    private final Sink<DailyValue> dailySink;
    private CloseableIterator<PeriodValue> periods;
    private CloseableIterator<ProvinceReport> province;
    private CloseableIterator<DeadLetter> deadLetters;
    private CloseableIterator<AlertEvent> alerts;

    /** What the job brought back, in the order each stream delivered it. */
    public record Results(List<PeriodValue> periods, List<ProvinceReport> province, List<DeadLetter> deadLetters,
            List<AlertEvent> alerts) {}

    public ReplayOutputs(Sink<HourlyValue> hourlySink, Sink<DailyValue> dailySink) {
        this.hourlySink = hourlySink;
        this.dailySink = dailySink;
    }

    @Override
    public void hourly(DataStream<HourlyValue> values) {
        values.sinkTo(hourlySink).name("hourly values").uid("hourly-values-sink");
    }

    @Override
    public void daily(DataStream<DailyValue> values) {
        values.sinkTo(dailySink).name("daily values").uid("daily-values-sink");
    }

    @Override
    public void periods(DataStream<PeriodValue> values) {
        periods = values.collectAsync();
    }

    @Override
    public void province(DataStream<ProvinceReport> reports) {
        province = reports.collectAsync();
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> letters) {
        deadLetters = letters.collectAsync();
    }

    @Override
    public void alerts(DataStream<AlertEvent> events) {
        alerts = events.collectAsync();
    }

    public Results execute(StreamExecutionEnvironment env, String jobName) throws Exception {
        JobClient job = env.executeAsync(jobName);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<List<PeriodValue>> p = pool.submit(() -> drain(periods));
            Future<List<ProvinceReport>> r = pool.submit(() -> drain(province));
            Future<List<DeadLetter>> x = pool.submit(() -> drain(deadLetters));
            Future<List<AlertEvent>> a = pool.submit(() -> drain(alerts));
            Results results = new Results(p.get(), r.get(), x.get(), a.get());
            job.getJobExecutionResult().get();
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> drain(CloseableIterator<T> it) throws Exception {
        List<T> out = new ArrayList<>();
        try (it) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}
