package org.airindex.reports;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * How a report names places: the county's own name (清徐县) where it is unique among the places shown, the
 * city's and the county's where two cities have a county of that name (阳泉市郊区, 长治市郊区).
 */
public final class PlaceNames {
    private final Map<String, String> names = new HashMap<>();

    public PlaceNames(Collection<String> placeKeys) {
        Map<String, Integer> seen = new HashMap<>();
        placeKeys.stream().distinct().forEach(k -> seen.merge(last(k, 1), 1, Integer::sum));
        for (String k : placeKeys) {
            names.put(k, seen.get(last(k, 1)) > 1 ? last(k, 2).replace("/", "") : last(k, 1));
        }
    }

    public String of(String placeKey) {
        return names.getOrDefault(placeKey, last(placeKey, 1));
    }

    /** The last n parts of a key such as 山西省/太原市/清徐县, joined by '/'. */
    private static String last(String key, int n) {
        String[] parts = key.split("/");
        return String.join("/", Arrays.copyOfRange(parts, Math.max(0, parts.length - n), parts.length));
    }
}
