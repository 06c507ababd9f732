package org.airindex.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/** Draws a {@link Chart} as a PNG, its text in the report's fonts so that Chinese names render. */
final class ChartImage {
    private static final int WIDTH = 900;
    private static final int BAR = 18;
    private static final int GAP = 6;
    private static final int TOP = 48;
    private static final int BOTTOM = 36;
    private static final float LABEL = 13f;
    private static final Color[] SERIES = {new Color(0x2E86C1), new Color(0xC0392B), new Color(0x27AE60)};
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private ChartImage() {
    }

    static void write(Chart chart, ReportFonts fonts, Path file) throws IOException {
        BufferedImage image;
        if (chart instanceof BarChart bars) {
            image = canvas(TOP + BOTTOM + bars.values().size() * (BAR + GAP));
            draw(image, g -> bars(g, bars, fonts, image.getHeight()));
        } else {
            LineChart lines = (LineChart) chart;
            image = canvas(420);
            draw(image, g -> lines(g, lines, fonts, image.getHeight()));
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
    }

    private static BufferedImage canvas(int height) {
        return new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    }

    private static void draw(BufferedImage image, Consumer<Graphics2D> painter) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            painter.accept(g);
        } finally {
            g.dispose();
        }
    }

    /** Bars from the left, red where above the reference (worse than the provincial average), blue below. */
    private static void bars(Graphics2D g, BarChart chart, ReportFonts fonts, int height) {
        fonts.draw(g, chart.title(), 18f, 12, 28);
        int labelWidth = 12;
        for (String l : chart.labels()) {
            labelWidth = Math.max(labelWidth, fonts.width(g, l, LABEL) + 16);
        }
        double max = chart.reference() == null ? 0 : chart.reference();
        for (Double v : chart.values()) {
            max = Math.max(max, v == null ? 0 : v);
        }
        int plotWidth = WIDTH - labelWidth - 70;
        double scale = max <= 0 ? 0 : plotWidth / max;
        for (int i = 0; i < chart.values().size(); i++) {
            int y = TOP + i * (BAR + GAP);
            g.setColor(Color.BLACK);
            fonts.draw(g, chart.labels().get(i), LABEL, 8, y + BAR - 4);
            Double v = chart.values().get(i);
            if (v != null) {
                g.setColor(chart.reference() != null && v > chart.reference() ? SERIES[1] : SERIES[0]);
                int w = (int) Math.round(v * scale);
                g.fillRect(labelWidth, y, w, BAR);
                g.setColor(Color.BLACK);
                fonts.draw(g, BulletinReport.fixed(v, 2), LABEL, labelWidth + w + 4, y + BAR - 4);
            }
        }
        if (chart.reference() != null) {
            int x = labelWidth + (int) Math.round(chart.reference() * scale);
            g.setColor(Color.DARK_GRAY);
            g.setStroke(DASHED);
            g.drawLine(x, TOP - 6, x, height - BOTTOM + 4);
            String label = chart.referenceLabel();
            fonts.draw(g, label, LABEL, Math.min(x + 4, WIDTH - fonts.width(g, label, LABEL) - 4), height - BOTTOM + 22);
        }
    }

    /** One line per series on a shared scale from zero, broken where a day has no value; a legend on top. */
    private static void lines(Graphics2D g, LineChart chart, ReportFonts fonts, int height) {
        fonts.draw(g, chart.title(), 18f, 12, 28);
        int left = 56;
        int right = WIDTH - 20;
        int top = TOP + 20;
        int bottom = height - BOTTOM - 10;
        double max = 0;
        for (List<Double> s : chart.series().values()) {
            for (Double v : s) {
                max = Math.max(max, v == null ? 0 : v);
            }
        }
        max = max <= 0 ? 1 : niceCeiling(max);
        g.setColor(Color.LIGHT_GRAY);
        for (int i = 0; i <= 4; i++) {
            int y = bottom - (bottom - top) * i / 4;
            g.drawLine(left, y, right, y);
            g.setColor(Color.BLACK);
            fonts.draw(g, BulletinReport.fixed(max * i / 4, 0), LABEL, 8, y + 5);
            g.setColor(Color.LIGHT_GRAY);
        }
        int n = chart.days().size();
        double step = n > 1 ? (double) (right - left) / (n - 1) : 0;
        g.setColor(Color.BLACK);
        for (int i = 0; i < n; i += Math.max(1, n / 6)) {
            fonts.draw(g, chart.days().get(i), LABEL - 2, (int) (left + i * step) - 30, height - BOTTOM + 18);
        }
        int legend = left;
        int c = 0;
        g.setStroke(new BasicStroke(2f));
        for (Map.Entry<String, List<Double>> s : chart.series().entrySet()) {
            Color color = SERIES[c++ % SERIES.length];
            g.setColor(color);
            List<int[]> run = new ArrayList<>();
            for (int i = 0; i <= n; i++) {
                Double v = i < n ? s.getValue().get(i) : null;
                if (v == null) {
                    for (int k = 1; k < run.size(); k++) {
                        g.drawLine(run.get(k - 1)[0], run.get(k - 1)[1], run.get(k)[0], run.get(k)[1]);
                    }
                    run.forEach(p -> g.fillOval(p[0] - 2, p[1] - 2, 5, 5));
                    run.clear();
                } else {
                    run.add(new int[] {(int) Math.round(left + i * step),
                            (int) Math.round(bottom - (bottom - top) * v / max)});
                }
            }
            g.fillRect(legend, TOP - 4, 14, 4);
            g.setColor(Color.BLACK);
            fonts.draw(g, s.getKey(), LABEL, legend + 18, TOP + 2);
            legend += fonts.width(g, s.getKey(), LABEL) + 44;
        }
    }

    /** 1, 2 or 5 times a power of ten at or above the value, so the grid lines fall on round numbers. */
    private static double niceCeiling(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= v) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
