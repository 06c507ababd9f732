package org.airindex.records;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Flink's serializer of {@link HourlyValue}: the hourly rows are most of the job's traffic. */
public final class HourlyValueSerializer extends RecordSerializer<HourlyValue> {
    private static final long serialVersionUID = 1L;
    public static final HourlyValueSerializer INSTANCE = new HourlyValueSerializer();

    private HourlyValueSerializer() {
    }

    @Override
    public void serialize(HourlyValue v, DataOutputView out) throws IOException {
        Object[] nullable = {v.so2, v.no2, v.co, v.o3, v.pm10, v.pm25,
            v.level, v.station, v.county, v.city, v.province, v.rules, v.category, v.primary,
            v.aqi, v.iaqiSo2, v.iaqiNo2, v.iaqiCo, v.iaqiO3, v.iaqiPm10, v.iaqiPm25};
        out.writeInt(nullMask(nullable) | exactBit(v));
        writePresent(out, nullable);
        out.writeLong(v.hourEnd);
        out.writeInt(v.stations);
        out.writeBoolean(v.overRange);
        writeExact(v, out);
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
        v.exact = readExact(in, nulls);
        return v;
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
        v.exact = from.exact;
        return v;
    }

    @Override
    public HourlyValue createInstance() {
        return new HourlyValue();
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
