package org.airindex.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Competition ranking ("1224"): ascending value, smaller is better; equal values share a rank and
 * the next rank skips (1, 1, 3). Values are compared exactly, so pass them as reported (rounded)
 * when reported ties should tie.
 */
public final class Ranking {
    private Ranking() {
    }

    public record Ranked<T>(T item, double value, int rank) {
    }

    /** Ranks items by value; equal values keep their input order. NaN values are refused. */
    public static <T> List<Ranked<T>> competition(Collection<? extends T> items, ToDoubleFunction<? super T> value) {
        List<Ranked<T>> unranked = new ArrayList<>();
        for (T item : items) {
            double v = value.applyAsDouble(item);
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("cannot rank NaN for " + item);
            }
            unranked.add(new Ranked<>(item, v, 0));
        }
        unranked.sort(Comparator.comparingDouble(Ranked::value));
        List<Ranked<T>> out = new ArrayList<>(unranked.size());
        for (int i = 0; i < unranked.size(); i++) {
            Ranked<T> r = unranked.get(i);
            int rank = i > 0 && out.get(i - 1).value() == r.value() ? out.get(i - 1).rank() : i + 1;
            out.add(new Ranked<>(r.item(), r.value(), rank));
        }
        return out;
    }

    /** Ranks the entries of a map (e.g. place → composite index), ties in the map's iteration order. */
    public static <K> List<Ranked<K>> competition(Map<K, ? extends Number> values) {
        List<Ranked<Map.Entry<K, ? extends Number>>> byEntry =
                competition(new ArrayList<>(values.entrySet()), e -> e.getValue().doubleValue());
        List<Ranked<K>> out = new ArrayList<>(byEntry.size());
        for (Ranked<Map.Entry<K, ? extends Number>> r : byEntry) {
            out.add(new Ranked<>(r.item().getKey(), r.value(), r.rank()));
        }
        return out;
    }

    /**
     * "Bottom N" (后N名): the N worst of a ranking, worst first; items tied with the N-th worst are
     * included too, since a tie cannot be broken by the standard.
     */
    public static <T> List<Ranked<T>> bottom(List<Ranked<T>> ranked, int n) {
        List<Ranked<T>> out = new ArrayList<>();
        if (n <= 0) {
            return out;
        }
        List<Ranked<T>> worstFirst = new ArrayList<>(ranked);
        worstFirst.sort(Comparator.comparingInt((Ranked<T> r) -> r.rank()).reversed());
        for (Ranked<T> r : worstFirst) {
            if (out.size() < n || out.get(out.size() - 1).rank() == r.rank()) {
                out.add(r);
            } else {
                break;
            }
        }
        return out;
    }
}
