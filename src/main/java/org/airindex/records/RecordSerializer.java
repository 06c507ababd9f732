package org.airindex.records;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * A stateless serializer that writes one record class field by field, for the records that make up
 * most of the traffic: in batch (replay) every keyed input is also written into the sort and read
 * back, and the reflective POJO serializer was the largest single cost there. Nullable fields are
 * announced by a bit mask first; adding or changing a field needs a new snapshot version that still
 * reads the old format.
 */
abstract class RecordSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    /** Bit i set when nullable field i is null. */
    static int nullMask(Object... nullable) {
        int mask = 0;
        for (int i = 0; i < nullable.length; i++) {
            if (nullable[i] == null) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    /** Writes the present ones of the nullable fields (Double, Integer or String), in order. */
    static void writePresent(DataOutputView out, Object... nullable) throws IOException {
        for (Object f : nullable) {
            if (f instanceof Double d) {
                out.writeDouble(d);
            } else if (f instanceof Integer n) {
                out.writeInt(n);
            } else if (f instanceof String s) {
                StringValue.writeString(s, out);
            } else if (f != null) {
                throw new IllegalArgumentException("no format for " + f.getClass());
            }
        }
    }

    /**
     * Mask bit set when a record's exact fractions ({@link ExactValues}) follow its fixed fields. State
     * written before they existed has it clear, so it still reads without a new snapshot version.
     */
    private static final int EXACT_PRESENT = 1 << 30;

    static int exactBit(ExactValues v) {
        return v.exact == null ? 0 : EXACT_PRESENT;
    }

    static void writeExact(ExactValues v, DataOutputView out) throws IOException {
        if (v.exact != null) {
            StringValue.writeString(v.exact, out);
        }
    }

    static String readExact(DataInputView in, int mask) throws IOException {
        return (mask & EXACT_PRESENT) != 0 ? StringValue.readString(in) : null;
    }

    static Double readDouble(DataInputView in, int nulls, int bit) throws IOException {
        return (nulls & (1 << bit)) != 0 ? null : in.readDouble();
    }

    static Integer readInt(DataInputView in, int nulls, int bit) throws IOException {
        return (nulls & (1 << bit)) != 0 ? null : in.readInt();
    }

    static String readString(DataInputView in, int nulls, int bit) throws IOException {
        return (nulls & (1 << bit)) != 0 ? null : StringValue.readString(in);
    }

    @Override
    public T deserialize(T reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public T copy(T from, T reuse) {
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
    public TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
