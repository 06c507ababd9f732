package org.airindex.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RecordSerializersTest {
    private static final TypeSerializer<HourlyValue> S = HourlyValueSerializer.INSTANCE;

    private static HourlyValue full() {
        HourlyValue v = new HourlyValue();
        v.so2 = 8.5;
        v.no2 = 41.25;
        v.co = 1.2;
        v.o3 = 77.0;
        v.pm10 = 130.0;
        v.pm25 = 105.333;
        v.level = HourlyValue.COUNTY;
        v.station = "1001A";
        v.county = "城区, \"东\"";
        v.city = "大同市";
        v.province = "山西省";
        v.rules = "2026";
        v.category = "轻度污染";
        v.primary = "pm25,pm10";
        v.hourEnd = 1_775_000_000_000L;
        v.stations = 3;
        v.aqi = 139;
        v.iaqiSo2 = 3;
        v.iaqiNo2 = 21;
        v.iaqiCo = 12;
        v.iaqiO3 = 25;
        v.iaqiPm10 = 90;
        v.iaqiPm25 = 139;
        v.overRange = true;
        return v;
    }

    private static HourlyValue roundTrip(HourlyValue v) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        S.serialize(v, out);
        DataOutputSerializer copied = new DataOutputSerializer(64);
        S.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        return S.deserialize(new DataInputDeserializer(copied.getCopyOfBuffer()));
    }

    @Test
    void everyFieldSurvivesSerializationAndCopy() throws Exception {
        HourlyValue v = full();
        assertEquals(describe(v), describe(roundTrip(v)));
        HourlyValue copy = S.copy(v);
        assertNotSame(v, copy);
        assertEquals(describe(v), describe(copy));
    }

    @Test
    void nullsStayNull() throws Exception {
        HourlyValue v = new HourlyValue();
        v.level = HourlyValue.PROVINCE;
        v.province = "山西省";
        v.hourEnd = 3_600_000L;
        HourlyValue back = roundTrip(v);
        assertEquals(describe(v), describe(back));
        assertEquals(null, back.pm25);
        assertEquals(null, back.aqi);
        assertEquals(null, back.station);
    }

    @Test
    void flinkUsesItForTheTypeAndRestoresItFromASnapshot() throws Exception {
        TypeInformation<HourlyValue> info = TypeInformation.of(HourlyValue.class);
        assertInstanceOf(RecordTypeInfo.class, info);
        TypeSerializerSnapshot<HourlyValue> snapshot = S.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(16);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<HourlyValue> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertEquals(S, read.restoreSerializer());
        assertTrue(S.snapshotConfiguration().resolveSchemaCompatibility(read).isCompatibleAsIs());
    }

    @Test
    void readingsSurviveSerializationWithTheirNulls() throws Exception {
        assertInstanceOf(RecordTypeInfo.class, TypeInformation.of(Reading.class));
        Reading r = new Reading();
        r.station = "Dongsi, 东四";
        r.ts = 1_362_070_800_000L;
        r.intervalS = 300;
        r.co = 1.2;
        r.pm25 = 35.0;
        TypeSerializer<Reading> s = ReadingSerializer.INSTANCE;
        DataOutputSerializer out = new DataOutputSerializer(32);
        s.serialize(r, out);
        Reading back = s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertEquals(r.toString(), back.toString());
        assertEquals(null, back.so2);
        assertEquals(300, back.intervalS);
        assertEquals(r.toString(), s.copy(r).toString());
    }

    private static String describe(HourlyValue v) {
        return v.toString() + v.rules + v.iaqiSo2 + v.iaqiNo2 + v.iaqiCo + v.iaqiO3 + v.iaqiPm10 + v.iaqiPm25
                + v.overRange + v.station;
    }
}
