package org.airindex.records;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Flink's serializer of {@link HourlyValue}, written field by field. Hourly rows are most of the
 * job's traffic, and in batch (replay) every keyed input is also written into the sort and read
 * back: the reflective POJO serializer was the largest single cost there. Format: one int with a
 * bit per nullable field that is null, then the fields that are present, in declaration order.
 * Adding or changing a field needs a new snapshot version that still reads this format.
 */
public final class HourlyValueSerializer extends TypeSerializer<HourlyValue> {
    private static final long serialVersionUID = 1L;
    public static final HourlyValueSerializer INSTANCE = new HourlyValueSerializer();

    private HourlyValueSerializer() {
    }

    @Override
    public void serialize(HourlyValue v, DataOutputView out) throws IOException {
        Object[] nullable = nullableFields(v);
        int nulls = 0;
        for (int i = 0; i < nullable.length; i++) {
            if (nullable[i] == null) {
                nulls |= 1 << i;
            }
        }
        out.writeInt(nulls);
        for (Object f : nullable) {
            if (f instanceof Double d) {
                out.writeDouble(d);
            } else if (f instanceof Integer n) {
                out.writeInt(n);
            } else if (f instanceof String s) {
                StringValue.writeString(s, out);
            }
        }
        out.writeLong(v.hourEnd);
        out.writeInt(v.stations);
        out.writeBoolean(v.overRange);
    }

    /** Every nullable field, in the format's order: 6 concentrations, 8 texts, 7 AQI figures. */
    private static Object[] nullableFields(HourlyValue v) {
        return new Object[] {v.so2, v.no2, v.co, v.o3, v.pm10, v.pm25,
            v.level, v.station, v.county, v.city, v.province, v.rules, v.category, v.primary,
            v.aqi, v.iaqiSo2, v.iaqiNo2, v.iaqiCo, v.iaqiO3, v.iaqiPm10, v.iaqiPm25};
    }

    @Override
    public HourlyValue deserialize(DataInputView in) throws IOException {
        int nulls = in.readInt();
        HourlyValue v = new HourlyValue();
        int bit = 0;
        v.so2 = readDouble(in, nulls, bit++);
        v.no2 = readDouble(in, nulls, bit++);
        v.co = readDouble(in, nulls, bit++);
        v.o3 = readDouble(in, nulls, bit++);
        v.pm10 = readDouble(in, nulls, bit++);
        v.pm25 = readDouble(in, nulls, bit++);
        v.level = readString(in, nulls, bit++);
        v.station = readString(in, nulls, bit++);
        v.county = readString(in, nulls, bit++);
        v.city = readString(in, nulls, bit++);
        v.province = readString(in, nulls, bit++);
        v.rules = readString(in, nulls, bit++);
        v.category = readString(in, nulls, bit++);
        v.primary = readString(in, nulls, bit++);
        v.aqi = readInt(in, nulls, bit++);
        v.iaqiSo2 = readInt(in, nulls, bit++);
        v.iaqiNo2 = readInt(in, nulls, bit++);
        v.iaqiCo = readInt(in, nulls, bit++);
        v.iaqiO3 = readInt(in, nulls, bit++);
        v.iaqiPm10 = readInt(in, nulls, bit++);
        v.iaqiPm25 = readInt(in, nulls, bit);
        v.hourEnd = in.readLong();
        v.stations = in.readInt();
        v.overRange = in.readBoolean();
        return v;
    }

    private static Double readDouble(DataInputView in, int nulls, int bit) throws IOException {
        return (nulls & (1 << bit)) != 0 ? null : in.readDouble();
    }

    private static Integer readInt(DataInputView in, int nulls, int bit) throws IOException {
        return (nulls & (1 << bit)) != 0 ? null : in.readInt();
    }

    private static String readString(DataInputView in, int nulls, int bit) throws IOException {
        return (nulls & (1 << bit)) != 0 ? null : StringValue.readString(in);
    }

    @Override
    public HourlyValue deserialize(HourlyValue reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    /** Fields are immutable values (strings, boxed numbers), so a shallow copy is a full one. */
    @Override
    public HourlyValue copy(HourlyValue from) {
        HourlyValue v = new HourlyValue();
        v.so2 = from.so2;
        v.no2 = from.no2;
        v.co = from.co;
        v.o3 = from.o3;
        v.pm10 = from.pm10;
        v.pm25 = from.pm25;
        v.level = from.level;
        v.station = from.station;
        v.county = from.county;
        v.city = from.city;
        v.province = from.province;
        v.hourEnd = from.hourEnd;
        v.stations = from.stations;
        v.rules = from.rules;
        v.aqi = from.aqi;
        v.category = from.category;
        v.primary = from.primary;
        v.iaqiSo2 = from.iaqiSo2;
        v.iaqiNo2 = from.iaqiNo2;
        v.iaqiCo = from.iaqiCo;
        v.iaqiO3 = from.iaqiO3;
        v.iaqiPm10 = from.iaqiPm10;
        v.iaqiPm25 = from.iaqiPm25;
        v.overRange = from.overRange;
        return v;
    }

    @Override
    public HourlyValue copy(HourlyValue from, HourlyValue reuse) {
        return copy(from);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<HourlyValue> duplicate() {
        return this;
    }

    @Override
    public HourlyValue createInstance() {
        return new HourlyValue();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HourlyValueSerializer;
    }

    @Override
    public int hashCode() {
        return HourlyValueSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<HourlyValue> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from checkpoints and savepoints. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<HourlyValue> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Makes Flink pick this serializer wherever an {@link HourlyValue} is sent or kept in state. */
    public static final class Factory extends TypeInfoFactory<HourlyValue> {
        @Override
        public TypeInformation<HourlyValue> createTypeInfo(Type t, Map<String, TypeInformation<?>> parameters) {
            return new RecordTypeInfo<>(HourlyValue.class, INSTANCE);
        }
    }
}
