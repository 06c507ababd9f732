package org.airindex.jobs;

import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.records.DailyValue;
import org.airindex.records.DeadLetter;
import org.airindex.records.HourlyValue;
import org.airindex.records.NationalStanding;
import org.airindex.records.PeriodValue;
import org.airindex.records.ProvinceReport;

/**
 * Where the job's results go. The job hands each result stream over once; production writes them
 * to InfluxDB and the dead letters to Kafka, replay can collect them into CSV files.
 */
public interface Outputs {
    /**
     * @param byLevel the hourly values of each level (station, then the place levels), each stream straight
     *         from the operator that computes it, so that a sink may chain to it
     */
    void hourly(Map<String, DataStream<HourlyValue>> byLevel);

    /** @param byLevel the daily values of each level, as {@link #hourly} */
    void daily(Map<String, DataStream<DailyValue>> byLevel);

    void periods(DataStream<PeriodValue> values);

    void province(DataStream<ProvinceReport> reports);

    /** The cities' national estimates; called only where a national table is configured. */
    void national(DataStream<NationalStanding> standings);

    void deadLetters(DataStream<DeadLetter> letters);

    void alerts(DataStream<AlertEvent> events);
}
