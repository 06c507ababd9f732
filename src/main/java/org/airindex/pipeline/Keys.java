package org.airindex.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.airindex.config.Station;
import org.airindex.config.StationRegistry;
import org.airindex.domain.NamedPeriod;
import org.airindex.domain.Period;
import org.airindex.records.HourlyValue;
import org.airindex.records.Places;

/**
 * What the job keys its streams by: an int id per station, per place and per province report,
 * not the code or place key itself. Batch execution (replay) sorts every keyed input by its
 * serialized key, and a fixed-length key sorts several times faster than strings that share long
 * prefixes (北京市/北京市/…). The id is the key's {@link String#hashCode}, which the Java API
 * specifies, so it is the same in every JVM and does not move when stations are added: keyed state
 * stays with its station across registry edits. {@link #requireDistinct} refuses a registry in
 * which two keys would share an id.
 */
public final class Keys {
    /** The family of the province report keys in {@link #families}. */
    public static final String REPORTS = "province reports";

    private Keys() {
    }

    public static int station(String code) {
        return code.hashCode();
    }

    /** The place at {@code level} that holds a station of the given county, city and province. */
    public static int place(String level, String province, String city, String county) {
        return place(Places.keyAt(level, province, city, county));
    }

    public static int place(String placeKey) {
        return placeKey.hashCode();
    }

    /**
     * A place's key, or with {@code perWindow} the key of one window of the place. Two places never share
     * a window's key: their ids differ ({@link #requireDistinct}) and 31 is odd, so 31 × id is distinct
     * too; windows of other places at other times may share one, and a window's state is kept by its end.
     */
    public static int place(String level, String province, String city, String county, long windowEnd,
            boolean perWindow) {
        int place = place(level, province, city, county);
        return perWindow ? 31 * place + Long.hashCode(windowEnd) : place;
    }

    /** A province's reports of one period kind (month to date, year to date, a named period to date). */
    public static int province(String province, String kind) {
        return provinceKey(province, kind).hashCode();
    }

    private static String provinceKey(String province, String kind) {
        return province + "|" + kind;
    }

    /** Every key the registry's stations can produce, checked for a shared id. */
    public static void requireDistinct(StationRegistry registry, List<NamedPeriod> named) {
        families(registry, named);
    }

    /**
     * The ids of the keys the registry's stations produce, by what a stream is keyed by: stations, each
     * place level, and the province's reports. Place ids are checked across levels too, because the
     * period operator keys the places of every level together.
     *
     * @throws IllegalArgumentException when two keys share an id
     */
    public static Map<String, Set<Integer>> families(StationRegistry registry, List<NamedPeriod> named) {
        List<String> kinds = new ArrayList<>(List.of(Period.MONTH, Period.YEAR_TO_DATE));
        named.forEach(n -> kinds.add(n.name()));
        Map<Integer, String> stations = new HashMap<>();
        Map<Integer, String> places = new HashMap<>();
        Map<Integer, String> reports = new HashMap<>();
        Map<String, Set<Integer>> families = new LinkedHashMap<>();
        for (Station s : registry.stations()) {
            families.computeIfAbsent(HourlyValue.STATION, f -> new TreeSet<>()).add(claim(stations, station(s.code()),
                    s.code()));
            for (String level : Places.PLACE_LEVELS) {
                String key = Places.keyAt(level, s.province(), s.city(), s.county());
                families.computeIfAbsent(level, f -> new TreeSet<>()).add(claim(places, place(key), key));
            }
            for (String kind : kinds) {
                families.computeIfAbsent(REPORTS, f -> new TreeSet<>()).add(claim(reports, province(s.province(), kind),
                        provinceKey(s.province(), kind)));
            }
        }
        return families;
    }

    private static int claim(Map<Integer, String> ids, int id, String key) {
        String other = ids.putIfAbsent(id, key);
        if (other != null && !other.equals(key)) {
            throw new IllegalArgumentException("station registry: '" + other + "' and '" + key + "' have the same key id "
                    + id + " (String.hashCode); rename one of them");
        }
        return id;
    }
}
