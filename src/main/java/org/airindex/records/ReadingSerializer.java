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
import org.apache.flink.types.StringValue;

/** Flink's serializer of {@link Reading}: every raw reading crosses to its station's hourly operator. */
public final class ReadingSerializer extends RecordSerializer<Reading> {
    private static final long serialVersionUID = 1L;
    /** Mask bit set when the origin follows; state written before readings kept it reads as none. */
    private static final int ORIGIN_PRESENT = 1 << 29;
    public static final ReadingSerializer INSTANCE = new ReadingSerializer();

    private ReadingSerializer() {
    }

    @Override
    public void serialize(Reading r, DataOutputView out) throws IOException {
        Object[] nullable = {r.so2, r.no2, r.co, r.o3, r.pm10, r.pm25, r.station};
        out.writeInt(nullMask(nullable) | exactBit(r) | (r.origin == null ? 0 : ORIGIN_PRESENT));
        writePresent(out, nullable);
        out.writeLong(r.ts);
        out.writeInt(r.intervalS);
        writeExact(r, out);
        if (r.origin != null) {
            StringValue.writeString(r.origin, out);
        }
    }

    @Override
    public Reading deserialize(DataInputView in) throws IOException {
        int nulls = in.readInt();
        Reading r = new Reading();
        int bit = 0;
        r.so2 = readDouble(in, nulls, bit++);
        r.no2 = readDouble(in, nulls, bit++);
        r.co = readDouble(in, nulls, bit++);
        r.o3 = readDouble(in, nulls, bit++);
        r.pm10 = readDouble(in, nulls, bit++);
        r.pm25 = readDouble(in, nulls, bit++);
        r.station = readString(in, nulls, bit);
        r.ts = in.readLong();
        r.intervalS = in.readInt();
        r.exact = readExact(in, nulls);
        r.origin = (nulls & ORIGIN_PRESENT) != 0 ? StringValue.readString(in) : null;
        return r;
    }

    /** Fields are immutable values (strings, boxed numbers), so a shallow copy is a full one. */
    @Override
    public Reading copy(Reading from) {
        Reading r = new Reading();
        r.so2 = from.so2;
        r.no2 = from.no2;
        r.co = from.co;
        r.o3 = from.o3;
        r.pm10 = from.pm10;
        r.pm25 = from.pm25;
        r.station = from.station;
        r.ts = from.ts;
        r.intervalS = from.intervalS;
        r.exact = from.exact;
        r.origin = from.origin;
        return r;
    }

    @Override
    public Reading createInstance() {
        return new Reading();
    }

    @Override
    public TypeSerializerSnapshot<Reading> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores this serializer from checkpoints and savepoints. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Reading> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Makes Flink pick this serializer wherever a {@link Reading} is sent or kept in state. */
    public static final class Factory extends TypeInfoFactory<Reading> {
        @Override
        public TypeInformation<Reading> createTypeInfo(Type t, Map<String, TypeInformation<?>> parameters) {
            return new RecordTypeInfo<>(Reading.class, INSTANCE);
        }
    }
}
