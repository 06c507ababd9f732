package org.airindex.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
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
        v.exact = "pm25=316/3";
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
        assertEveryFieldSet(v);
        assertEquals(fields(v), fields(roundTrip(v)));
        HourlyValue copy = S.copy(v);
        assertNotSame(v, copy);
        assertEquals(fields(v), fields(copy));
    }

    @Test
    void nullsStayNull() throws Exception {
        HourlyValue v = new HourlyValue();
        v.level = HourlyValue.PROVINCE;
        v.province = "山西省";
        v.hourEnd = 3_600_000L;
        HourlyValue back = roundTrip(v);
        assertEquals(fields(v), fields(back));
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
    void readingsSurviveSerializationWithAndWithoutTheirNulls() throws Exception {
        assertInstanceOf(RecordTypeInfo.class, TypeInformation.of(Reading.class));
        TypeSerializer<Reading> s = ReadingSerializer.INSTANCE;
        Reading full = new Reading();
        full.station = "Dongsi, 东四";
        full.ts = 1_362_070_800_000L;
        full.intervalS = 300;
        full.so2 = 4.0;
        full.no2 = 33.0;
        full.co = 1.2;
        full.o3 = 61.0;
        full.pm10 = 52.0;
        full.pm25 = 35.0;
        full.exact = "pm25=35";
        full.origin = "readings-1@42";
        assertEveryFieldSet(full);
        Reading sparse = new Reading();
        sparse.station = "1001A";
        sparse.ts = 3_600_000L;
        sparse.pm25 = 35.0;
        for (Reading r : new Reading[] {full, sparse}) {
            DataOutputSerializer out = new DataOutputSerializer(32);
            s.serialize(r, out);
            assertEquals(fields(r), fields(s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()))));
            assertEquals(fields(r), fields(s.copy(r)));
        }
    }

    /** Every public field by name: a field the serializer forgets shows up as a difference here. */
    private static Map<String, Object> fields(Object o) throws IllegalAccessException {
        Map<String, Object> out = new TreeMap<>();
        for (Field f : o.getClass().getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                out.put(f.getName(), f.get(o));
            }
        }
        return out;
    }

    /** A fixture that sets every field, so a field added to the record later must be added here too. */
    private static void assertEveryFieldSet(Object o) throws IllegalAccessException {
        fields(o).forEach((name, value) -> assertTrue(value != null && !value.equals(0) && !value.equals(0L)
                && !value.equals(false), "fixture leaves " + name + " unset"));
    }
}
