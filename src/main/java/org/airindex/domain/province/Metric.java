package org.airindex.domain.province;

import java.util.function.Function;

/** The figures a province ranks its places by, in the order the rankings are reported. */
enum Metric {
    COMPOSITE("composite", PlaceStanding::composite),
    PM25("pm25", PlaceStanding::pm25),
    COMPOSITE_CHANGE("composite_change", PlaceStanding::compositeChange),
    PM25_CHANGE("pm25_change", PlaceStanding::pm25Change);

    private final String code;
    private final Function<PlaceStanding, Double> value;

    Metric(String code, Function<PlaceStanding, Double> value) {
        this.code = code;
        this.value = value;
    }

    String code() {
        return code;
    }

    /** The place's figure, null when it has none. */
    Double of(PlaceStanding p) {
        return value.apply(p);
    }
}
