package org.airindex.records;

import java.util.HashMap;
import java.util.Map;
import org.airindex.domain.Exact;
import org.airindex.domain.Pollutant;

/**
 * A record whose numbers are doubles, each the one nearest its value, and which keeps the exact
 * fraction of those values that no double denotes (a mean of means, a percentile): rounding the double
 * of such a value could go the wrong way at a GB/T 8170 tie. Kept as text in one field, so the records
 * stay plain POJOs and most rows (readings, a station's hours) carry nothing more.
 */
public abstract class ExactValues {
    /**
     * The exact values no double denotes, as {@code key=fraction} joined by {@code ;} (keys: the
     * subclass's field names or pollutant codes); null when every value is the decimal its double denotes.
     */
    public String exact;
    /** The entries of {@link #exact} parsed, for a row that is read again and again (a period's days in state). */
    private transient Map<String, Exact> parsed;

    /** A pollutant's double; null = missing. */
    public abstract Double get(Pollutant p);

    protected abstract void setDouble(Pollutant p, Double v);

    /**
     * A pollutant's value for a statistic: its {@link Exact} where the double is not the value, else the
     * double itself (which {@link org.airindex.domain.ExactSum} adds on its fast path); null = missing.
     */
    public Number value(Pollutant p) {
        return value(p.code(), get(p));
    }

    /** Sets a pollutant's exact value (null = missing) and the double nearest it. */
    public void set(Pollutant p, Exact v) {
        setDouble(p, keep(p.code(), v));
    }

    /** Keeps the exact value under {@code key} (see {@link #remember}) and returns the double nearest it. */
    protected Double keep(String key, Exact v) {
        remember(key, v);
        return v == null ? null : v.toDouble();
    }

    /** The value kept under {@code key} for a field whose double is {@code value}. */
    protected Number value(String key, Double value) {
        if (value == null || exact == null) {
            return value;
        }
        if (parsed == null) {
            parsed = new HashMap<>();
            for (String entry : exact.split(";")) {
                int eq = entry.indexOf('=');
                parsed.put(entry.substring(0, eq), Exact.parse(entry.substring(eq + 1)));
            }
        }
        Exact e = parsed.get(key);
        return e == null ? value : e;
    }

    /** Keeps the exact value under {@code key} when no double denotes it. */
    protected void remember(String key, Exact v) {
        forget(key);
        parsed = null;
        if (v != null && !v.isShortDecimal()) {
            String entry = key + "=" + v;
            exact = exact == null ? entry : exact + ";" + entry;
        }
    }

    protected void forget(String key) {
        if (exact == null) {
            return;
        }
        parsed = null;
        StringBuilder kept = new StringBuilder();
        String prefix = key + "=";
        for (String entry : exact.split(";")) {
            if (!entry.startsWith(prefix)) {
                kept.append(kept.isEmpty() ? "" : ";").append(entry);
            }
        }
        exact = kept.isEmpty() ? null : kept.toString();
    }
}
