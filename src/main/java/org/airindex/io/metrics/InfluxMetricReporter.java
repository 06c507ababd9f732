package org.airindex.io.metrics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.LogicalScopeProvider;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.Scheduled;
import org.airindex.io.influx.InfluxSettings;
import org.airindex.io.influx.InfluxWriter;
import org.airindex.io.influx.Lines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's Flink metrics (throughput, dead letters, watermarks, too-late inputs, checkpoints) as
 * InfluxDB points, so the operations dashboard reads them from the same database as the results.
 * Flink's own InfluxDB reporter is not published for 2.2, and its jar carries unrelocated HTTP
 * libraries; this one writes through the project's {@link InfluxWriter} (v1 or v2).
 *
 * <p>Points follow the usual reporter layout: measurement = logical scope and metric name joined
 * by '_' (e.g. {@code taskmanager_job_task_operator_deadLetter_unparsable}), tags = the scope
 * variables (job_name, task_name, operator_name, subtask_index, host; ids left out to keep series
 * few), fields {@code count} (counters, meters), {@code rate} (meters) or {@code value} (numeric
 * gauges). A failed write is logged and dropped: metrics must never fail the job.
 */
public class InfluxMetricReporter implements MetricReporter, Scheduled {
    private static final Logger LOG = LoggerFactory.getLogger(InfluxMetricReporter.class);
    private static final List<String> IDS = List.of("job_id", "task_id", "task_attempt_id", "tm_id", "operator_id");

    private record Registered(String measurement, Map<String, String> tags) {}

    private final Map<Metric, Registered> metrics = new ConcurrentHashMap<>();
    private final Queue<String> departed = new ConcurrentLinkedQueue<>();
    private InfluxWriter writer;

    @Override
    public void open(MetricConfig config) {
        String url = config.getString("url", "http://localhost:8086");
        InfluxSettings.Builder b = config.getString("api", "v1").equals("v2")
                ? InfluxSettings.v2(url, config.getString("org", "airindex"), config.getString("bucket", "airindex"))
                        .token(org.airindex.io.SecretRef.env(config.getString("token_env", "INFLUX_TOKEN")))
                : InfluxSettings.v1(url, config.getString("database", "airindex"));
        String user = config.getString("username_env", "");
        if (!user.isBlank()) {
            b.credentials(org.airindex.io.SecretRef.env(user),
                    org.airindex.io.SecretRef.env(config.getString("password_env", "INFLUX_PASSWORD")));
        }
        String truststore = config.getString("truststore", "");
        if (!truststore.isBlank()) {
            b.truststore(truststore);
        }
        writer = new InfluxWriter(b.maxRetries(0).build());
    }

    @Override
    public void close() {
        report();
        if (writer != null) {
            writer.close();
        }
    }

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        String scope = LogicalScopeProvider.castFrom(group).getLogicalScope(InfluxMetricReporter::clean, '_');
        Map<String, String> tags = new LinkedHashMap<>();
        group.getAllVariables().forEach((k, v) -> {
            String key = k.replace("<", "").replace(">", "");
            if (!IDS.contains(key) && v != null && !v.isEmpty() && !v.endsWith("\\")) {
                tags.put(key, v.replace('\n', ' '));
            }
        });
        metrics.put(metric, new Registered(scope + "_" + clean(name), tags));
    }

    /**
     * A finished task's metrics leave a last point, written with the next report, so its final
     * counts are not lost between reports (and the task thread never waits on InfluxDB).
     */
    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        Registered r = metrics.remove(metric);
        if (r != null) {
            departed.addAll(lines(List.of(Map.entry(metric, r))));
        }
    }

    @Override
    public void report() {
        List<String> lines = new ArrayList<>();
        for (String line; (line = departed.poll()) != null; ) {
            lines.add(line);
        }
        lines.addAll(lines(List.copyOf(metrics.entrySet())));
        try {
            if (!lines.isEmpty() && writer != null) {
                for (InfluxWriter.Rejected r : writer.write(lines)) {
                    LOG.warn("InfluxDB refused a metric line ({}): {}", r.message(), r.line());
                }
            }
        } catch (IOException | RuntimeException ex) {
            LOG.warn("could not report {} metrics to InfluxDB: {}", lines.size(), ex.getMessage());
        }
    }

    private static List<String> lines(List<Map.Entry<Metric, Registered>> entries) {
        long now = System.currentTimeMillis() / 1000;
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Metric, Registered> e : entries) {
            Map<String, Object> fields = new LinkedHashMap<>();
            Metric metric = e.getKey();
            if (metric instanceof Counter c) {
                fields.put("count", c.getCount());
            } else if (metric instanceof Meter m) {
                fields.put("count", m.getCount());
                fields.put("rate", m.getRate());
            } else if (metric instanceof Gauge<?> g && g.getValue() instanceof Number n && !sentinel(n)) {
                fields.put("value", n.doubleValue());
            }
            if (!fields.isEmpty()) {
                Lines.line(e.getValue().measurement(), e.getValue().tags(), fields, now).ifPresent(lines::add);
            }
        }
        return lines;
    }

    /** Watermark gauges read Long.MIN_VALUE before the first watermark and Long.MAX_VALUE at end of input. */
    private static boolean sentinel(Number n) {
        return n instanceof Long l && (l == Long.MIN_VALUE || l == Long.MAX_VALUE);
    }

    private static String clean(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
