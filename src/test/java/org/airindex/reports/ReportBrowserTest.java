package org.airindex.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.airindex.config.ConfigLoader;
import org.airindex.reports.Report.Section;
import org.airindex.testing.HeadlessChromium;
import org.airindex.testing.HeadlessChromium.PlatformFont;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML reports as a reader sees them in a browser (headless Chromium): every table and chart rendered,
 * and every character drawn from a font that has it, never the empty box of a missing glyph.
 */
class ReportBrowserTest {
    /** The sample's places as the reports name them: the two 一区 by city and county. */
    private static final List<String> PLACES = List.of("甲市一区", "乙市一区", "二区", "三县");
    private static final String TEXT = "h1, h2, p, caption, th, td";

    private static List<Path> fontFiles;
    /** The report fonts by family name, which is how Chromium names the fonts it drew with. */
    private static Map<String, Font> fonts;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void start() throws Exception {
        fontFiles = ConfigLoader.load(Path.of("conf/airindex.yaml")).reports.fonts.stream().map(Path::of).toList();
        fonts = new HashMap<>();
        for (Path f : fontFiles) {
            Font font = Font.createFont(Font.TRUETYPE_FONT, f.toFile());
            fonts.put(font.getFamily(Locale.ROOT), font);
        }
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theMonthlyBulletinRendersInABrowser(@TempDir Path dir) throws Exception {
        checkInBrowser(BulletinReport.of(MonthlyBulletin.of(SampleResults.province(), "甲省", YearMonth.of(2026, 8),
                "county", List.of(1, 3))), dir);
    }

    @Test
    void theDailyAnalysisRendersInABrowser(@TempDir Path dir) throws Exception {
        checkInBrowser(DailyReport.of(DailyAnalysis.of(SampleResults.province(), "甲省", LocalDate.of(2026, 8, 15),
                "county")), dir);
    }

    /**
     * Chromium draws a character that no font has as the first font's empty box and counts that box as one of
     * the font's glyphs (the title below: Droid Sans Fallback 4, DejaVu Sans 1, for five characters), so glyph
     * counts alone cannot tell a missing glyph: the check also asks the fonts whether they have each character.
     */
    @Test
    void theGlyphCheckCatchesACharacterNoFontHas(@TempDir Path dir) throws Exception {
        String missing = new String(Character.toChars(0x10FFFD));
        Report report = new Report("missing-glyph", "甲省" + missing + "通报", List.of(), List.of(new Section("一、排名",
                List.of(), List.of(new Table("ranking", "排名", List.of("区县"), List.of(List.of("甲市一区")))), List.of())));
        Path html = dir.resolve(report.file() + ".html");
        Files.writeString(html, ReportWriter.page(report, fontFiles.size()));
        chromium.open(html);

        AssertionError e = assertThrows(AssertionError.class, ReportBrowserTest::checkGlyphs);
        assertTrue(e.getMessage().contains("U+10FFFD"), e.getMessage());
    }

    private static void checkInBrowser(Report report, Path dir) throws Exception {
        new ReportWriter(fontFiles).write(report, dir);
        chromium.open(dir.resolve(report.file() + ".html"));
        checkTables(report);
        checkCharts(report);
        List<String> texts = checkGlyphs();
        for (String place : PLACES) {
            assertTrue(texts.stream().anyMatch(t -> t.contains(place)), place + " is in no text checked: " + texts);
        }
        checkScreenshot(report, dir);
    }

    /** Each table of the report, its cells as written and none of its rows collapsed. */
    private static void checkTables(Report report) throws Exception {
        List<Table> tables = report.sections().stream().flatMap(s -> s.tables().stream()).toList();
        JsonNode rendered = chromium.evaluate("[...document.querySelectorAll('table')].map(t => ({"
                + " width: t.getBoundingClientRect().width, height: t.getBoundingClientRect().height,"
                + " caption: t.caption.textContent, header: [...t.tHead.rows[0].cells].map(c => c.textContent),"
                + " rows: [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.textContent)),"
                + " flatRows: [...t.tBodies[0].rows].filter(r => r.getBoundingClientRect().height <= 0).length }))");
        assertEquals(tables.size(), rendered.size(), "tables rendered");
        for (int i = 0; i < tables.size(); i++) {
            Table t = tables.get(i);
            JsonNode r = rendered.get(i);
            assertEquals(t.caption(), r.get("caption").asText());
            assertTrue(r.get("width").asDouble() > 0 && r.get("height").asDouble() > 0,
                    t.caption() + " has no size: " + r);
            assertEquals(t.header(), strings(r.get("header")), t.caption());
            assertEquals(t.rows().size(), r.get("rows").size(), t.caption() + ": rows");
            for (int row = 0; row < t.rows().size(); row++) {
                assertEquals(t.rows().get(row), strings(r.get("rows").get(row)), t.caption() + ", row " + row);
            }
            assertEquals(0, r.get("flatRows").asInt(), t.caption() + ": rows without height");
        }
    }

    private static void checkCharts(Report report) throws Exception {
        List<String> charts = report.sections().stream().flatMap(s -> s.charts().stream()).map(c -> c.file() + ".png")
                .toList();
        JsonNode images = chromium.evaluate("[...document.images].map(i => ({ src: i.getAttribute('src'),"
                + " complete: i.complete, naturalWidth: i.naturalWidth, width: i.getBoundingClientRect().width }))");
        assertEquals(charts.size(), images.size(), "charts rendered: " + images);
        for (int i = 0; i < charts.size(); i++) {
            JsonNode image = images.get(i);
            assertEquals(charts.get(i), image.get("src").asText());
            assertTrue(image.get("complete").asBoolean() && image.get("naturalWidth").asInt() > 0
                    && image.get("width").asDouble() > 0, "the chart did not load: " + image);
        }
    }

    /**
     * For each element with text, the fonts Chromium drew it with: report fonts only (no fallback the page does
     * not name), having every one of its characters between them, the Chinese drawn by a font that has
     * Chinese; and the title drawn whole, a glyph per character. Returns the texts checked.
     */
    private static List<String> checkGlyphs() throws Exception {
        List<String> texts = new ArrayList<>();
        int title = chromium.nodes("h1").get(0);
        for (int node : chromium.nodes(TEXT)) {
            String text = chromium.text(node);
            if (text.isBlank()) {
                continue;
            }
            texts.add(text);
            List<PlatformFont> used = chromium.platformFonts(node);
            assertTrue(!used.isEmpty(), "“" + text + "” was drawn with no font");
            for (PlatformFont f : used) {
                assertTrue(fonts.containsKey(f.familyName()), "“" + text + "” was drawn with " + f
                        + ", not with a report font " + fonts.keySet());
            }
            text.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(c -> assertTrue(
                    used.stream().anyMatch(f -> fonts.get(f.familyName()).canDisplay(c)),
                    String.format("no font that drew “%s” has U+%04X: it shows as an empty box (%s)", text, c, used)));
            long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    .count();
            int chinese = used.stream().filter(f -> fonts.get(f.familyName()).canDisplay('中'))
                    .mapToInt(PlatformFont::glyphCount).sum();
            assertTrue(chinese >= han, "“" + text + "” has " + han + " Chinese characters, fonts with Chinese drew "
                    + chinese + " glyphs: " + used);
            if (node == title) {
                long characters = text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
                assertEquals(characters, used.stream().mapToInt(PlatformFont::glyphCount).sum(),
                        "glyphs drawn for the title “" + text + "”: " + used);
            }
        }
        return texts;
    }

    /** The whole page as pixels: not blank, and the first table visibly drawn where the page laid it out. */
    private static void checkScreenshot(Report report, Path dir) throws Exception {
        byte[] png = chromium.screenshot();
        Files.write(dir.resolve(report.file() + "-screenshot.png"), png);
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
        JsonNode page = chromium.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]");
        assertEquals(page.get(0).asInt(), shot.getWidth(), 1, "screenshot width");
        assertEquals(page.get(1).asInt(), shot.getHeight(), 1, "screenshot height");
        double all = inked(shot, 0, 0, shot.getWidth(), shot.getHeight());
        assertTrue(all > 0.05, "the screenshot is nearly blank: " + all + " of its pixels are not white");
        JsonNode table = chromium.evaluate("(r => [r.left + scrollX, r.top + scrollY, r.width, r.height])"
                + "(document.querySelector('table').getBoundingClientRect())");
        double inTable = inked(shot, table.get(0).asInt(), table.get(1).asInt(), table.get(2).asInt(),
                table.get(3).asInt());
        assertTrue(inTable > 0.1, "the first table is blank in the screenshot: " + inTable + " of its pixels inked");
    }

    /** The share of the region's pixels that are not white (text, borders, bars, shaded headers). */
    private static double inked(BufferedImage image, int x, int y, int width, int height) {
        int inked = 0;
        for (int i = x; i < x + width; i++) {
            for (int j = y; j < y + height; j++) {
                int rgb = image.getRGB(i, j);
                if (((rgb >> 16) & 0xFF) < 0xF0 || ((rgb >> 8) & 0xFF) < 0xF0 || (rgb & 0xFF) < 0xF0) {
                    inked++;
                }
            }
        }
        return (double) inked / ((long) width * height);
    }

    private static List<String> strings(JsonNode array) {
        List<String> s = new ArrayList<>();
        array.forEach(e -> s.add(e.asText()));
        return s;
    }
}
