package org.airindex.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.airindex.config.Station;
import org.airindex.config.StationRegistry;
import org.airindex.records.HourlyValue;

class KeysTest {
    private static Station station(String code, String county) {
        return new Station(code, code, county, "太原市", "山西省", 37.87, 112.55);
    }

    @Test
    void countiesOfTheSameNameInTwoCitiesGetTwoIds() {
        assertNotEquals(Keys.place(HourlyValue.COUNTY, "山西省", "太原市", "城区"),
                Keys.place(HourlyValue.COUNTY, "山西省", "大同市", "城区"));
    }

    @Test
    void aRegistryWhoseKeysShareAnIdIsRefused() {
        // "Aa" and "BB" have the same String.hashCode.
        assertDoesNotThrow(() -> Keys.requireDistinct(new StationRegistry(List.of(station("Aa", "小店区"),
                station("Ab", "小店区"))), List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Keys.requireDistinct(
                new StationRegistry(List.of(station("Aa", "小店区"), station("BB", "迎泽区"))), List.of()));
        assertTrue(e.getMessage().contains("'Aa' and 'BB'"), e.getMessage());
    }
}
