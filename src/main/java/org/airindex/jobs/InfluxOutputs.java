package org.airindex.jobs;

import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.airindex.domain.alerts.AlertEvent;
import org.airindex.io.influx.ResultPoints;
import org.airindex.records.DailyValue;
import org.airindex.records.DeadLetter;
import org.airindex.records.HourlyValue;
import org.airindex.records.NationalStanding;
import org.airindex.records.PeriodValue;
import org.airindex.records.ProvinceReport;

/**
 * Every result as InfluxDB points (one sink per result kind); dead letters to their own sink; alert
 * events both as InfluxDB points (Grafana annotations) and to their Kafka sink.
 */
public class InfluxOutputs implements Outputs {
    private final Sink<String> influx;
    private final Sink<DeadLetter> deadLetterSink;
    private final Sink<AlertEvent> alertSink;

    public InfluxOutputs(Sink<String> influx, Sink<DeadLetter> deadLetters, Sink<AlertEvent> alerts) {
        this.influx = influx;
        this.deadLetterSink = deadLetters;
        this.alertSink = alerts;
    }

    @Override
    public void hourly(Map<String, DataStream<HourlyValue>> byLevel) {
        add(union(byLevel), ResultPoints::hourly, "hourly");
    }

    @Override
    public void daily(Map<String, DataStream<DailyValue>> byLevel) {
        add(union(byLevel), ResultPoints::daily, "daily");
    }

    @Override
    public void periods(DataStream<PeriodValue> values) {
        add(values, ResultPoints::period, "period");
    }

    @Override
    public void province(DataStream<ProvinceReport> reports) {
        add(reports, ResultPoints::province, "province");
    }

    @Override
    public void national(DataStream<NationalStanding> standings) {
        add(standings, ResultPoints::national, "national");
    }

    @Override
    public void deadLetters(DataStream<DeadLetter> letters) {
        letters.sinkTo(deadLetterSink).name("dead letters").uid("dead-letter-sink");
    }

    @Override
    public void alerts(DataStream<AlertEvent> events) {
        add(events, ResultPoints::alert, "alert");
        events.sinkTo(alertSink).name("kafka alerts").uid("kafka-alert-sink");
    }

    /** One stream of all levels, as the streaming graph has always had (its operator uids stay). */
    private static <T> DataStream<T> union(Map<String, DataStream<T>> byLevel) {
        DataStream<T> all = null;
        for (DataStream<T> s : byLevel.values()) {
            all = all == null ? s : all.union(s);
        }
        return all;
    }

    private <T> void add(DataStream<T> values, ResultWriter.Mapper<T> mapper, String what) {
        values.transform(what + " points", Types.STRING, new ResultWriter<>(mapper))
                .uid(what + "-points")
                .sinkTo(influx)
                .name("influxdb " + what)
                .uid("influxdb-" + what);
    }
}
