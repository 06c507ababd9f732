package org.airindex.bench;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;
import org.airindex.config.AirIndexConfig;

/**
 * The peer airindex's compute is compared with: what a Flink SQL user would write for the heart of the
 * job on the same topic, read to its current end. The station hour is the time-weighted mean of each
 * pollutant over the readings of the hour (each weighs its interval, an hour when it gives none), valid
 * with at least 45 minutes covered; the county hour is the mean of its valid station hours (a cascaded
 * window on the station hour's time). Both go to blackhole sinks. The county comes from the station code
 * as {@link ThroughputBench#registry} numbers them (four stations a county), the registry SQL would join.
 * Not in the peer: IAQI and AQI, days, periods, rankings, alerts, dead letters, exact rounding.
 */
final class FlinkSqlPeer {
    private static final String[] POLLUTANTS = {"so2", "no2", "co", "o3", "pm10", "pm25"};

    private FlinkSqlPeer() {
    }

    /** The readings topic and the station-hour view, as a SQL user declares them. */
    private static StreamTableEnvironment tables(AirIndexConfig c, int parallelism, String group) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        StreamTableEnvironment t = StreamTableEnvironment.create(env);
        StringBuilder columns = new StringBuilder();
        StringBuilder means = new StringBuilder();
        StringBuilder sinkColumns = new StringBuilder();
        for (String p : POLLUTANTS) {
            columns.append(p).append(" DOUBLE, ");
            means.append(", SUM(").append(p).append(" * w) / SUM(CASE WHEN ").append(p)
                    .append(" IS NULL THEN 0 ELSE w END) AS ").append(p);
            sinkColumns.append(", ").append(p).append(" DOUBLE");
        }
        t.executeSql("CREATE TABLE readings (station STRING, ts STRING, interval_s INT, " + columns
                + "event_time AS TO_TIMESTAMP(SUBSTRING(ts FROM 1 FOR 19), 'yyyy-MM-dd''T''HH:mm:ss'), "
                + "WATERMARK FOR event_time AS event_time - INTERVAL '10' MINUTE) WITH ("
                + "'connector' = 'kafka', 'topic' = '" + c.kafka.readingsTopic + "', "
                + "'properties.bootstrap.servers' = '" + c.kafka.bootstrap + "', "
                + "'properties.group.id' = '" + group + "', "
                + "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset', "
                + "'format' = 'json', 'json.ignore-parse-errors' = 'true')");
        t.executeSql("CREATE TEMPORARY VIEW weighted AS SELECT *, CAST(COALESCE(interval_s, 3600) AS DOUBLE) AS w, "
                + "CAST(SUBSTRING(station FROM 2) AS INT) / 4 AS county FROM readings WHERE station IS NOT NULL");
        t.executeSql("CREATE TEMPORARY VIEW station_hour AS SELECT station, county, window_end AS hour_end, "
                + "window_time AS hour_time" + means + " FROM TABLE(TUMBLE(TABLE weighted, DESCRIPTOR(event_time), "
                + "INTERVAL '1' HOUR)) GROUP BY station, county, window_start, window_end, window_time "
                + "HAVING SUM(w) >= 2700");
        t.executeSql("CREATE TABLE station_sink (station STRING, window_end TIMESTAMP(3)" + sinkColumns
                + ") WITH ('connector' = 'blackhole')");
        t.executeSql("CREATE TABLE county_sink (county INT, window_end TIMESTAMP(3), stations BIGINT" + sinkColumns
                + ") WITH ('connector' = 'blackhole')");
        return t;
    }

    /**
     * The valid station hours the peer's query makes of the topic, counted by a run of its own after the timed
     * one: a peer that read or kept nothing would look fast.
     */
    static long stationHours(AirIndexConfig c, int parallelism, String group) throws Exception {
        long count = 0;
        try (CloseableIterator<Row> rows = tables(c, parallelism, group)
                .executeSql("SELECT COUNT(*) FROM station_hour").collect()) {
            while (rows.hasNext()) {
                Row row = rows.next();
                if (row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER) {
                    count = (Long) row.getField(0);
                }
            }
        }
        return count;
    }

    static void run(AirIndexConfig c, int parallelism, String group) throws Exception {
        StreamTableEnvironment t = tables(c, parallelism, group);
        StringBuilder countyMeans = new StringBuilder();
        for (String p : POLLUTANTS) {
            countyMeans.append(", AVG(").append(p).append(") AS ").append(p);
        }

        StatementSet set = t.createStatementSet();
        set.addInsertSql("INSERT INTO station_sink SELECT station, hour_end, " + String.join(", ", POLLUTANTS)
                + " FROM station_hour");
        set.addInsertSql("INSERT INTO county_sink SELECT county, window_end, COUNT(*) AS stations" + countyMeans
                + " FROM TABLE(TUMBLE(TABLE station_hour, DESCRIPTOR(hour_time), INTERVAL '1' HOUR))"
                + " GROUP BY county, window_start, window_end");
        set.execute().await();
    }
}
