package org.airindex.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceNamesTest {
    @Test
    void aCountysOwnNameUnlessAnotherCityHasOneOfThatName() {
        PlaceNames names = new PlaceNames(List.of("山西省/阳泉市/郊区", "山西省/长治市/郊区", "山西省/太原市/清徐县",
                "山西省/太原市/清徐县"));
        assertEquals("阳泉市郊区", names.of("山西省/阳泉市/郊区"));
        assertEquals("长治市郊区", names.of("山西省/长治市/郊区"));
        // Listed twice, still one place.
        assertEquals("清徐县", names.of("山西省/太原市/清徐县"));
        assertEquals("小店区", names.of("山西省/太原市/小店区"));
        assertEquals("山西省", new PlaceNames(List.of("山西省")).of("山西省"));
    }
}
