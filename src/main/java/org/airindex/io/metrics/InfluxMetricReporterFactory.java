package org.airindex.io.metrics;

import java.util.Properties;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/** Flink finds the reporter through this factory ({@code metrics.reporter.<name>.factory.class}). */
public class InfluxMetricReporterFactory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        return new InfluxMetricReporter();
    }
}
