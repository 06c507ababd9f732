package org.airindex.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AsOfTest {
    record Row(String group, String asOf, String place) {}

    @Test
    void theLatestVersionOnOrBeforeTheDayPerGroupWhole() {
        List<Row> rows = List.of(new Row("r", "2026-08-01", "a"), new Row("r", "2026-08-01", "b"),
                new Row("r", "2026-08-02", "a"), new Row("r", "2026-08-03", "c"), new Row("s", "2026-07-30", "x"));
        // b left the ranking on the 2nd: it is not kept from the 1st.
        assertEquals(List.of(new Row("r", "2026-08-02", "a"), new Row("s", "2026-07-30", "x")),
                AsOf.on("2026-08-02", rows, Row::group, Row::asOf));
        assertEquals(List.of(), AsOf.on("2026-07-01", rows, Row::group, Row::asOf));
    }
}
