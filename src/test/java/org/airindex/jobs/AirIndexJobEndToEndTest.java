package org.airindex.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.airindex.config.AirIndexConfig;
import org.airindex.io.influx.InfluxQl;
import org.airindex.io.influx.Series;
import org.airindex.io.json.DeadLetterJson;
import org.airindex.pipeline.Fixtures;
import org.airindex.testing.RealServers;
import org.airindex.records.DeadLetter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real Kafka broker and a real InfluxDB, at parallelism 2: known readings in,
 * exact station and county values read back with InfluxQL, bad records on the dead-letter topic.
 */
class AirIndexJobEndToEndTest {
    @TempDir
    static Path work;
    static RealServers servers;
    static InfluxQl influx;

    private static final String TS = "2026-11-10T10:00:00+08:00"; // 02:00Z, under the 2026 rules
    private static final String HOUR_END_UTC = "'2026-11-10T02:00:00Z'";

    @BeforeAll
    static void run() throws Exception {
        servers = RealServers.start(work, new AirIndexConfig());
        List<String[]> records = new ArrayList<>(List.of(
                rec("A1", "{\"station\":\"A1\",\"ts\":\"" + TS + "\",\"so2\":8,\"no2\":30,\"co\":0.8,\"o3\":45,\"pm10\":60,\"pm25\":35}"),
                rec("A2", "{\"station\":\"A2\",\"ts\":\"" + TS + "\",\"pm10\":150,\"pm25\":115}"),
                rec("C1", "{\"station\":\"C1\",\"ts\":\"" + TS + "\",\"pm25\":10}"),
                rec(null, "not json"),
                rec("ZZ", "{\"station\":\"ZZ\",\"ts\":\"" + TS + "\",\"pm25\":35}"),
                rec("A1", "{\"station\":\"A1\",\"ts\":\"2026-11-10T11:00:00+08:00\",\"pm10\":40,\"pm25\":-5}"),
                rec("A2", "{\"station\":\"A2\",\"ts\":\"2026-11-10T11:00:00+08:00\",\"pm25\":\"x\"}")));
        // B1 sends minute data: 50 of the hour's 60 minutes.
        for (int m = 10; m <= 59; m++) {
            records.add(rec("B1", "{\"station\":\"B1\",\"ts\":\"2026-11-10T09:" + m + ":00+08:00\",\"interval_s\":60,\"pm25\":20}"));
        }
        servers.produce(records);

        StreamExecutionEnvironment env = RealServers.environment(servers.config);
        ProductionIo.job(servers.config, Fixtures.REGISTRY, true).build(env);
        env.execute("end-to-end");
        influx = servers.influx();
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    private static String[] rec(String key, String json) {
        return new String[] {key, json};
    }

    private static Map<String, Object> onlyRow(String query) throws Exception {
        List<Series> s = influx.query(query);
        assertEquals(1, s.size(), query + " -> " + s);
        assertEquals(1, s.get(0).rows().size(), query + " -> " + s);
        return s.get(0).rows().get(0);
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    @Test
    void stationHourHasExactValuesAndTheRuleSetOfItsDate() throws Exception {
        Map<String, Object> a1 = onlyRow("SELECT * FROM station_hourly WHERE station='A1' AND time=" + HOUR_END_UTC);
        assertEquals(35.0, num(a1.get("pm25")));
        assertEquals(60.0, num(a1.get("pm10")));
        assertEquals(0.8, num(a1.get("co")));
        assertEquals(58.0, num(a1.get("aqi"))); // 2026 PM10 24h column: 50 + 10/70*50 -> 58
        assertEquals(58.0, num(a1.get("iaqi_pm10")));
        assertEquals("良", a1.get("category"));
        assertEquals("pm10", a1.get("primary"));
        assertEquals("2026", a1.get("rules"));
        assertEquals("小店区", a1.get("county"));
        assertEquals("太原市", a1.get("city"));
    }

    @Test
    void minuteDataMakeAValidHourButAMissingPollutantWithholdsALowAqi() throws Exception {
        Map<String, Object> b1 = onlyRow("SELECT * FROM station_hourly WHERE station='B1' AND time=" + HOUR_END_UTC);
        assertEquals(20.0, num(b1.get("pm25")));
        assertEquals(29.0, num(b1.get("iaqi_pm25"))); // 20/35*50 = 28.6, ceiling
        assertNull(b1.get("aqi"), "five pollutants missing and IAQI <= 100: AQI is NA");
    }

    @Test
    void countyHourIsTheMeanOfItsStations() throws Exception {
        Map<String, Object> c = onlyRow("SELECT * FROM county_hourly WHERE county='小店区' AND time=" + HOUR_END_UTC);
        assertEquals(75.0, num(c.get("pm25")));   // (35 + 115) / 2
        assertEquals(105.0, num(c.get("pm10")));  // (60 + 150) / 2
        assertEquals(8.0, num(c.get("so2")));     // only A1 has SO2
        assertEquals(114.0, num(c.get("iaqi_pm25"))); // 2026: 100 + 50/55*15 = 113.6 -> 114
        assertEquals(90.0, num(c.get("iaqi_pm10")));  // 2026: 50 + 50/70*55 = 89.3 -> 90
        assertEquals(114.0, num(c.get("aqi")));
        assertEquals("轻度污染", c.get("category"));
        assertEquals("pm25", c.get("primary"));
        assertEquals(2.0, num(c.get("stations")));

        List<Series> chengqu = influx.query(
                "SELECT pm25 FROM county_hourly WHERE county='城区' AND time=" + HOUR_END_UTC + " GROUP BY city");
        assertEquals(2, chengqu.size(), "城区 of 阳泉市 and of 晋城市 are separate counties: " + chengqu);
        Map<String, Object> jincheng = onlyRow("SELECT pm25 FROM county_hourly WHERE city='晋城市' AND time=" + HOUR_END_UTC);
        assertEquals(10.0, num(jincheng.get("pm25")));

        Map<String, Object> province = onlyRow("SELECT pm25, stations FROM province_hourly WHERE time=" + HOUR_END_UTC);
        assertEquals(45.0, num(province.get("pm25"))); // (35 + 115 + 20 + 10) / 4 stations
    }

    @Test
    void impossibleValueIsDroppedButTheRestOfTheReadingKept() throws Exception {
        Map<String, Object> a1 = onlyRow("SELECT * FROM station_hourly WHERE station='A1' AND time='2026-11-10T03:00:00Z'");
        assertEquals(40.0, num(a1.get("pm10")));
        assertNull(a1.get("pm25"));
    }

    @Test
    void badRecordsReachTheDeadLetterTopicWithTheirReasons() {
        List<DeadLetter> dead = servers.readAll(servers.config.kafka.deadLetterTopic, false).stream()
                .map(r -> DeadLetterJson.read(r.value())).toList();
        assertEquals(4, dead.size(), dead.toString());
        Map<String, DeadLetter> byReason = new java.util.HashMap<>();
        dead.forEach(d -> byReason.put(d.reason, d));
        assertEquals("not json", byReason.get("unparsable").record);
        assertTrue(byReason.get("unknown_station").record.contains("\"ZZ\""));
        assertTrue(byReason.get("impossible_value").detail.contains("pm25=-5.0"));
        assertTrue(byReason.get("wrong_type").detail.startsWith("pm25"));
        assertFalse(byReason.get("unparsable").origin.isBlank());
    }
}
