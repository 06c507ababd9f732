package org.airindex.pipeline;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.airindex.config.Station;
import org.airindex.config.StationRegistry;
import org.airindex.records.Reading;

/** A small registry (two counties both named 城区 in different cities) and reading builders. */
public final class Fixtures {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final StationRegistry REGISTRY = new StationRegistry(List.of(
            new Station("A1", "甲一", "小店区", "太原市", "山西省", 37.8, 112.5),
            new Station("A2", "甲二", "小店区", "太原市", "山西省", 37.7, 112.5),
            new Station("B1", "乙一", "城区", "阳泉市", "山西省", 37.8, 113.5),
            new Station("C1", "丙一", "城区", "晋城市", "山西省", 35.5, 112.8)));

    private Fixtures() {}

    /** Epoch millis of a local (Asia/Shanghai) time. */
    public static long at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant().toEpochMilli();
    }

    public static Reading hourly(String station, String endLocal, Double so2, Double no2, Double co, Double o3,
            Double pm10, Double pm25) {
        return reading(station, at(endLocal), 3600, so2, no2, co, o3, pm10, pm25);
    }

    public static Reading reading(String station, long ts, int intervalS, Double so2, Double no2, Double co,
            Double o3, Double pm10, Double pm25) {
        Reading r = new Reading();
        r.station = station;
        r.ts = ts;
        r.intervalS = intervalS;
        r.so2 = so2;
        r.no2 = no2;
        r.co = co;
        r.o3 = o3;
        r.pm10 = pm10;
        r.pm25 = pm25;
        return r;
    }

    public static Reading pm25(String station, long ts, int intervalS, double pm25) {
        return reading(station, ts, intervalS, null, null, null, null, null, pm25);
    }
}
