package org.airindex.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CategoryTest {
    @Test
    void boundsAreInclusiveAtTheTop() {
        assertEquals(Category.GOOD, Category.of(0));
        assertEquals(Category.GOOD, Category.of(50));
        assertEquals(Category.MODERATE, Category.of(51));
        assertEquals(Category.MODERATE, Category.of(100));
        assertEquals(Category.LIGHTLY_POLLUTED, Category.of(101));
        assertEquals(Category.LIGHTLY_POLLUTED, Category.of(150));
        assertEquals(Category.MODERATELY_POLLUTED, Category.of(151));
        assertEquals(Category.MODERATELY_POLLUTED, Category.of(200));
        assertEquals(Category.HEAVILY_POLLUTED, Category.of(201));
        assertEquals(Category.HEAVILY_POLLUTED, Category.of(300));
        assertEquals(Category.SEVERELY_POLLUTED, Category.of(301));
        assertEquals(Category.SEVERELY_POLLUTED, Category.of(500));
        assertThrows(IllegalArgumentException.class, () -> Category.of(-1));
    }

    @Test
    void namesLevelsAndColours() {
        assertEquals(1, Category.GOOD.level());
        assertEquals(6, Category.SEVERELY_POLLUTED.level());
        assertEquals("优", Category.GOOD.chinese());
        assertEquals("良", Category.MODERATE.chinese());
        assertEquals("轻度污染", Category.LIGHTLY_POLLUTED.chinese());
        assertEquals("中度污染", Category.MODERATELY_POLLUTED.chinese());
        assertEquals("重度污染", Category.HEAVILY_POLLUTED.chinese());
        assertEquals("严重污染", Category.SEVERELY_POLLUTED.chinese());
        assertEquals("lightly polluted", Category.LIGHTLY_POLLUTED.english());
        assertArrayEquals(new int[] {0, 228, 0}, Category.GOOD.rgb());
        assertArrayEquals(new int[] {255, 126, 0}, Category.LIGHTLY_POLLUTED.rgb());
        assertEquals("#99004C", Category.HEAVILY_POLLUTED.hex());
        assertEquals("#7E0023", Category.SEVERELY_POLLUTED.hex());
        assertEquals("#FFFF00", Category.MODERATE.hex());
    }
}
