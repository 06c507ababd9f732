package org.airindex.pipeline;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.airindex.config.Station;
import org.airindex.config.StationRegistry;
import org.airindex.records.DailyValue;
import org.airindex.records.HourlyValue;
import org.airindex.records.Reading;

/** A small registry (two counties both named 城区 in different cities) and record builders. */
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

    /** The county and city of a registry station. */
    private static Station station(String code) {
        return REGISTRY.get(code);
    }

    /** A station's 1-hour row as StationHourly emits it (values unrounded, AQI fields not needed downstream). */
    public static HourlyValue stationHour(String station, String endLocal, Double so2, Double no2, Double co,
            Double o3, Double pm10, Double pm25) {
        Station s = station(station);
        HourlyValue v = new HourlyValue();
        v.level = HourlyValue.STATION;
        v.station = station;
        v.county = s.county();
        v.city = s.city();
        v.province = s.province();
        v.hourEnd = at(endLocal);
        v.so2 = so2;
        v.no2 = no2;
        v.co = co;
        v.o3 = o3;
        v.pm10 = pm10;
        v.pm25 = pm25;
        v.stations = so2 != null || no2 != null || co != null || o3 != null || pm10 != null || pm25 != null ? 1 : 0;
        return v;
    }

    /** A station's daily row as StationDaily emits it; {@code date} is the local date, yyyy-MM-dd. */
    public static DailyValue stationDay(String station, String date, Double so2, Double no2, Double co,
            Double pm10, Double pm25, Double o3, Double o3OneHourMax) {
        Station s = station(station);
        DailyValue d = day(date, so2, no2, co, pm10, pm25, o3);
        d.level = HourlyValue.STATION;
        d.station = station;
        d.county = s.county();
        d.city = s.city();
        d.province = s.province();
        d.o3OneHourMax = o3OneHourMax;
        d.stations = 1;
        return d;
    }

    /** A county's daily row (小店区, 太原市, 山西省) as PlaceDaily emits it. */
    public static DailyValue countyDay(String date, Double so2, Double no2, Double co, Double pm10, Double pm25,
            Double o3, Integer aqi) {
        DailyValue d = day(date, so2, no2, co, pm10, pm25, o3);
        d.level = HourlyValue.COUNTY;
        d.county = "小店区";
        d.city = "太原市";
        d.province = "山西省";
        d.aqi = aqi;
        d.stations = 2;
        return d;
    }

    private static DailyValue day(String date, Double so2, Double no2, Double co, Double pm10, Double pm25,
            Double o3) {
        DailyValue d = new DailyValue();
        d.date = date;
        d.dayEnd = at(date + "T00:00") + 86_400_000L;
        d.so2 = so2;
        d.no2 = no2;
        d.co = co;
        d.pm10 = pm10;
        d.pm25 = pm25;
        d.o3 = o3;
        d.valid = so2 != null && no2 != null && co != null && pm10 != null && pm25 != null && o3 != null;
        return d;
    }

    /** A harness's outputs emitted after the first {@code from}. */
    public static <T> List<T> since(AbstractStreamOperatorTestHarness<T> h, int from) {
        List<T> all = h.extractOutputValues();
        return all.subList(from, all.size());
    }
}
