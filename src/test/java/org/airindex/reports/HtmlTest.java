package org.airindex.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class HtmlTest {
    @Test
    void escapesMarkupAndDropsWhatXmlCannotHold() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;", Html.escape("<script>alert(\"x\")</script> & '"));
        assertEquals("ab\tc", Html.escape("a\u0000b\tc\u001b"));
    }

    /** Every page stays well-formed XML (the PDF renderer parses it so), whatever the names hold. */
    @Test
    void pagesOfHostileNamesParseAsXml() throws Exception {
        Random random = new Random(17);
        for (int i = 0; i < 200; i++) {
            String name = hostile(random);
            Report report = new Report("r", name, List.of(name), List.of(new Report.Section(name, List.of(name),
                    List.of(new Table("t", name, List.of(name, "b"), List.of(List.of(name, name + name)))), List.of())));
            String page = ReportWriter.page(report, 2);
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(page.replace("<!DOCTYPE html>", ""))));
            String expected = Html.escape(name).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                    .replace("&quot;", "\"").replace("&#39;", "'");
            assertEquals(expected, doc.getElementsByTagName("h1").item(0).getTextContent(), name);
            assertFalse(page.contains("<script"), name);
        }
    }

    private static String hostile(Random random) {
        String alphabet = "<>&\"'/=;\\ \t\n\u0000\u0007\u001f综合指数区县\uD83D\uDE00abc]]>--";
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(10) == 0) {
                b.append("<script>");
            }
            int at = random.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            // Keep surrogate pairs whole: a lone surrogate is not text.
            if (Character.isHighSurrogate(c)) {
                b.append(c).append(alphabet.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
