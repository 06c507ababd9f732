package org.airindex.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CheckpointException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.Station;
import org.airindex.config.StationRegistry;
import org.airindex.domain.NamedPeriod;
import org.airindex.io.influx.InfluxQl;
import org.airindex.io.influx.Series;
import org.airindex.jobs.ProductionIo;
import org.airindex.local.SyntheticReadings;
import org.airindex.testing.RealServers;
import org.airindex.testing.TestDates;

/**
 * The Grafana provisioning in conf/grafana against what the job really writes: the job runs on a real
 * Kafka broker and a real InfluxDB (parallelism 2) over a few days of synthetic readings for
 * conf/stations.csv, then every template-variable query, every panel query and every alert-rule query is
 * executed with InfluxQL, the way Grafana would send it, and must return data. One dynamic test per
 * dashboard check, variable, panel and rule, named after it.
 *
 * <p>Grafana's substitutions are reproduced: {@code $timeFilter} becomes the range of the data,
 * {@code $__interval} one hour (1 s, the reporting interval, on Flink metrics), and each template variable takes the first value its own query returns
 * in the variable's sort order, or its saved current value when that is among them (what Grafana selects by
 * default), variables resolved in dashboard order
 * so that later ones see the earlier ones.
 */
@Tag(TestDates.TAG)
class DashboardQueriesTest {
    static final Path GRAFANA = Path.of("conf/grafana");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
    /**
     * Every day of yesterday's month up to yesterday ({@link TestDates}): a county is ranked and settled only
     * on a period that can still be valid (HJ 663), which a few days in the middle of a month are not. On
     * the 1st of a month this is the whole month just ended, whose final settlement the dashboards must
     * show while the new month has no complete day.
     */
    static final LocalDate FIRST_DAY = TestDates.today().minusDays(1).withDayOfMonth(1);
    static final int DAYS = (int) java.time.temporal.ChronoUnit.DAYS.between(FIRST_DAY, TestDates.today());
    /**
     * A named period of 60 days from the first day of the data, so that it is valid to date and ranked; its
     * last year comes from the baseline file. The dashboards are run again with {@code $kind} on it.
     */
    static final NamedPeriod CAMPAIGN = NamedPeriod.of("test-campaign", FIRST_DAY.format(MONTH_DAY),
            FIRST_DAY.plusDays(59).format(MONTH_DAY));
    /**
     * Measurements of months only: the scheme settles months, the national table ranks months, and stations'
     * contributions are of their months to date.
     */
    static final List<String> MONTHS_ONLY = List.of("\"money\"", "\"whatif\"", "\"national_estimate\"",
            "\"contribution\"");

    /**
     * Panels and alert rules on measurements nobody writes yet, as "dashboard uid / panel title" or
     * "alerting / rule uid". They are still executed (a syntax error fails), then reported as skipped;
     * one that starts returning data fails, so that it is taken off this list.
     */
    static final Map<String, String> PENDING = Map.of();

    /** -Dairindex.grafana.dump=true prints each query with a sample of its result. */
    private static final boolean DUMP = Boolean.getBoolean("airindex.grafana.dump");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    static Path work;
    static RealServers servers;
    /** The results' database, and the database of the job's Flink metrics. */
    static InfluxQl influx;
    static InfluxQl metrics;
    /** The provisioned datasources: the results, and the Flink metrics (the operations dashboard's second row). */
    static String datasourceUid;
    static String metricsUid;
    /** Grafana's $timeFilter over the data's days, for the results. */
    static String timeFilter;
    /**
     * The same over the wall-clock span of the run, for the job's Flink metrics: they are stamped with the
     * wall clock, the results with event time. Live, both lie around now and one time range holds them.
     */
    static String metricsTimeFilter;
    /** When the job of the run ended (epoch ms). */
    static long runEnded;

    @BeforeAll
    static void runTheJob() throws Exception {
        datasourceUid = provisionedDatasource("INFLUX_DB").path("uid").asText();
        metricsUid = provisionedDatasource("INFLUX_METRICS_DB").path("uid").asText();
        AirIndexConfig config = new AirIndexConfig();
        config.stations = "conf/stations.csv";
        config.periods = List.of(AirIndexConfig.AssessmentPeriod.of(CAMPAIGN.name(), CAMPAIGN.from().format(MONTH_DAY),
                CAMPAIGN.to().format(MONTH_DAY)));
        config.province.baselines = writeBaselines(StationRegistry.load(Path.of(config.stations))).toString();
        // Its months (2025-12 to 2026-11) precede every month the date runs cover.
        config.national.table = "conf/national/sample-2026.csv";
        // Readings more than an hour ahead of the processing clock are dead letters: it reads the test's today.
        config.processingClock = TestDates.clock(config.zone(), java.time.LocalTime.NOON);
        servers = RealServers.start(work, config);

        ZoneId zone = config.zone();
        List<SyntheticReadings.Record> records = new SyntheticReadings(StationRegistry.load(Path.of(config.stations)),
                zone, FIRST_DAY, DAYS, 20261128L).generate();
        servers.produce(records.stream().map(r -> new String[] {r.key(), r.json()}).toList());

        // Watermark gauges are reported only between the job's first watermark and the end of its input,
        // which a bounded run can cross between two reports on a fast machine. So the job runs unbounded
        // until every reading is read and a watermark has been reported, and is then drained (stopped with
        // a savepoint at the end of event time), which closes every window as the end of an input does.
        StreamExecutionEnvironment env = RealServers.environment(config,
                ProductionIo.metricsToInflux(config.influx, java.time.Duration.ofMillis(200)));
        ProductionIo.job(config, false).build(env);
        long started = System.currentTimeMillis();
        JobClient job = env.executeAsync("grafana dashboards");
        influx = servers.influx();
        metrics = new InfluxQl(config.influx.url, config.influx.metricsDatabase, org.airindex.io.influx.InfluxAuth.none());
        try {
            await("every reading read", () -> readingsRead() == records.size());
            await("a watermark reported", () -> !metrics.query(
                    "SELECT count(\"value\") FROM \"taskmanager_job_task_operator_currentInputWatermark\"").isEmpty());
            drain(job);
            job.getJobExecutionResult().get();
        } catch (Exception | Error e) {
            job.cancel();
            throw e;
        }

        timeFilter = timeFilter(FIRST_DAY.atStartOfDay(zone).toInstant().toEpochMilli(),
                FIRST_DAY.plusDays(DAYS + 1L).atStartOfDay(zone).toInstant().toEpochMilli());
        runEnded = System.currentTimeMillis();
        metricsTimeFilter = timeFilter(started - 60_000, runEnded + 60_000);
    }

    /** As Grafana renders it. */
    private static String timeFilter(long fromMillis, long toMillis) {
        return "time >= " + fromMillis + "ms and time <= " + toMillis + "ms";
    }

    /** Readings the source has emitted, by the last count each of its subtasks reported. */
    private static long readingsRead() throws IOException {
        long n = 0;
        for (Series s : metrics.query("SELECT last(\"count\") AS \"count\" FROM \"taskmanager_job_task_operator_numRecordsOut\""
                + " WHERE \"operator_name\" =~ /^(Source: )?readings$/ GROUP BY \"subtask_index\"")) {
            n += ((Number) s.rows().get(0).get("count")).longValue();
        }
        return n;
    }

    /** Stop with a savepoint at the end of event time, once every task runs (the Kafka sinks start last). */
    private static void drain(JobClient job) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                job.stopWithSavepoint(true, work.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                        .get();
                return;
            } catch (ExecutionException e) {
                if (attempt == 60 || ExceptionUtils.findThrowable(e, CheckpointException.class).isEmpty()) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Check condition) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!condition.holds()) {
            if (System.currentTimeMillis() > deadline) {
                fail("the job did not get to " + what + " in 120 s");
            }
            Thread.sleep(200);
        }
    }

    /**
     * Last year's values per county for every month and year the data's days touch: change rates, and the
     * scope of the money.
     */
    private static Path writeBaselines(StationRegistry registry) throws IOException {
        Set<String> counties = new TreeSet<>();
        for (Station s : registry.stations()) {
            counties.add(s.province() + "/" + s.city() + "/" + s.county());
        }
        StringBuilder csv = new StringBuilder("place,period,so2,no2,pm10,pm25,co_p95,o3_8h_p90\n");
        int i = 0;
        for (String c : counties) {
            // Above 40 µg/m³ last year: every county is in the seed scheme's scope, so the county dashboard's
            // money columns (the what-if's included) have values whichever county it opens with.
            int pm25 = 41 + (i++ * 7) % 30;
            Set<String> periods = new TreeSet<>();
            for (LocalDate day = FIRST_DAY; day.isBefore(FIRST_DAY.plusDays(DAYS)); day = day.plusDays(1)) {
                periods.add(java.time.YearMonth.from(day.minusYears(1)).toString());
                periods.add(Integer.toString(day.getYear() - 1));
            }
            periods.add(CAMPAIGN.containing(FIRST_DAY).orElseThrow().lastYear().id());
            for (String period : periods) {
                csv.append(c).append(',').append(period).append(",14,36,").append(pm25 * 2 - 5).append(',').append(pm25)
                        .append(",1.6,150\n");
            }
        }
        Path dir = Files.createDirectories(work.resolve("baselines"));
        Files.writeString(dir.resolve("last-year.csv"), csv.toString());
        return dir;
    }

    @AfterAll
    static void stop() {
        if (servers != null) {
            servers.close();
        }
    }

    // ------------------------------------------------------------------ provisioning files

    private static JsonNode provisionedDatasources() throws IOException {
        JsonNode ds = YAML.readTree(GRAFANA.resolve("datasources/airindex-influxdb.yaml").toFile()).path("datasources");
        assertEquals(2, ds.size(), "two provisioned datasources: the results and the job's metrics");
        return ds;
    }

    /** The provisioned datasource whose database is the environment variable {@code dbVariable}. */
    private static JsonNode provisionedDatasource(String dbVariable) throws IOException {
        for (JsonNode ds : provisionedDatasources()) {
            if (ds.path("jsonData").path("dbName").asText().equals("${" + dbVariable + "}")) {
                return ds;
            }
        }
        return fail("no provisioned datasource reads ${" + dbVariable + "}");
    }

    @Test
    void datasourcesAreInfluxQlWithCredentialsFromTheEnvironment() throws IOException {
        for (JsonNode ds : provisionedDatasources()) {
            assertEquals("influxdb", ds.path("type").asText());
            assertEquals("InfluxQL", ds.path("jsonData").path("version").asText());
            assertFalse(ds.path("uid").asText().isBlank());
            for (JsonNode value : List.of(ds.path("url"), ds.path("user"), ds.path("jsonData").path("dbName"),
                    ds.path("secureJsonData").path("password"))) {
                assertTrue(value.asText().matches("\\$\\{[A-Z_]+\\}"), "from an environment variable: " + value);
            }
        }
    }

    /** Analysts listing the results see results: the job's Flink metrics are in their own database. */
    @Test
    void theResultsDatabaseHoldsNoFlinkMetrics() throws IOException {
        List<String> results = measurements(influx);
        assertTrue(results.contains("county_hourly"), results.toString());
        assertEquals(List.of(), results.stream().filter(m -> m.startsWith("taskmanager_") || m.startsWith("jobmanager_"))
                .toList(), "Flink metrics among the results");
        assertTrue(measurements(metrics).contains("jobmanager_job_numRestarts"), "the metrics are in their database");
    }

    private static List<String> measurements(InfluxQl db) throws IOException {
        List<String> out = new ArrayList<>();
        for (Series s : db.query("SHOW MEASUREMENTS")) {
            s.values().forEach(row -> out.add((String) row.get(0)));
        }
        return out;
    }

    @Test
    void dashboardProviderLoadsTheFolderTheDashboardsAreIn() throws IOException {
        JsonNode provider = YAML.readTree(GRAFANA.resolve("dashboards/airindex.yaml").toFile()).path("providers").get(0);
        assertEquals("file", provider.path("type").asText());
        assertEquals("/etc/grafana/provisioning/dashboards", provider.path("options").path("path").asText());
        assertFalse(dashboardFiles().isEmpty());
    }

    @Test
    void pendingListNamesExistingPanelsAndRules() throws IOException {
        Set<String> known = new HashSet<>();
        for (Path f : dashboardFiles()) {
            JsonNode d = JSON.readTree(f.toFile());
            panels(d).forEach(p -> known.add(d.path("uid").asText() + " / " + p.path("title").asText()));
        }
        rules().forEach(r -> known.add("alerting / " + r.path("uid").asText()));
        for (String pending : PENDING.keySet()) {
            assertTrue(known.contains(pending), "PENDING names no panel or rule: " + pending);
        }
    }

    private static List<Path> dashboardFiles() throws IOException {
        try (Stream<Path> s = Files.list(GRAFANA.resolve("dashboards"))) {
            return s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Every panel, rows' nested panels included, rows themselves excluded. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            if (!p.path("type").asText().equals("row")) {
                out.add(p);
            }
            p.path("panels").forEach(out::add);
        }
        return out;
    }

    // ------------------------------------------------------------------ dashboards

    @TestFactory
    Stream<DynamicNode> dashboards() throws IOException {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : dashboardFiles()) {
            JsonNode d;
            try {
                d = JSON.readTree(file.toFile());
            } catch (IOException e) {
                nodes.add(DynamicTest.dynamicTest(file.getFileName() + " parses", () -> fail(file + ": " + e.getMessage(), e)));
                continue;
            }
            nodes.add(dashboard(file, d, Map.of()));
            if (variableNames(d).contains("kind")) {
                nodes.add(dashboard(file, d, Map.of("kind", CAMPAIGN.name())));
            }
        }
        return nodes.stream();
    }

    private static List<String> variableNames(JsonNode d) {
        List<String> names = new ArrayList<>();
        d.path("templating").path("list").forEach(v -> names.add(v.path("name").asText()));
        return names;
    }

    /**
     * @param chosen variables set as a user would set them (each must be among its query's values); the others
     *         take Grafana's default. Chosen, panels of months only must show nothing rather than a month's data.
     */
    private DynamicContainer dashboard(Path file, JsonNode d, Map<String, String> chosen) {
        String name = d.path("title").asText() + " (" + file.getFileName() + ")" + (chosen.isEmpty() ? ""
                : " with " + chosen);
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("unique panel ids and titles", () -> {
            Set<Integer> ids = new HashSet<>();
            Set<String> titles = new HashSet<>();
            for (JsonNode p : d.path("panels")) {
                assertTrue(ids.add(p.path("id").asInt(-1)) && p.has("id"), name + ": panel id " + p.path("id") + " of \""
                        + p.path("title").asText() + "\" missing or repeated");
                for (JsonNode nested : p.path("panels")) {
                    assertTrue(ids.add(nested.path("id").asInt(-1)), name + ": panel id repeated: " + nested.path("title"));
                }
            }
            for (JsonNode p : panels(d)) {
                assertTrue(titles.add(p.path("title").asText()), name + ": panel title repeated: " + p.path("title"));
            }
        }));
        tests.add(DynamicTest.dynamicTest("datasource references are the provisioned datasource", () -> {
            List<String> bad = new ArrayList<>();
            datasourceRefs(d, "", bad);
            assertTrue(bad.isEmpty(), name + ": datasource references other than uids " + datasourceUid + " and "
                    + metricsUid + ": " + bad);
            for (JsonNode p : panels(d)) {
                assertFalse(p.path("targets").isEmpty(), name + ": panel \"" + p.path("title").asText() + "\" has no query");
                for (JsonNode t : p.path("targets")) {
                    assertTrue(t.path("rawQuery").asBoolean() && !t.path("query").asText().isBlank(),
                            name + ": panel \"" + p.path("title").asText() + "\" query " + t.path("refId") + " is not raw InfluxQL");
                }
            }
        }));

        // Variables resolve in order, each seeing the values of the ones before it.
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (JsonNode v : d.path("templating").path("list")) {
            String varName = v.path("name").asText();
            String error = null;
            String query = v.path("query").asText();
            if (v.path("type").asText().equals("query")) {
                try {
                    List<String> options = variableValues(substitute(query, values), v.path("sort").asInt());
                    // Grafana keeps a saved current value while its query still returns it.
                    String current = chosen.getOrDefault(varName, v.path("current").path("value").asText(""));
                    if (options.isEmpty()) {
                        error = "returned no values";
                    } else if (chosen.containsKey(varName) && !options.contains(current)) {
                        error = "does not offer " + current + ": " + options;
                    } else {
                        values.put(varName, options.contains(current) ? current : options.get(0));
                    }
                } catch (Exception e) {
                    error = e.getMessage();
                }
            } else if (v.path("type").asText().equals("custom")) {
                values.put(varName, query.split(",")[0].strip());
            }
            if (error != null) {
                failures.put(varName, error);
            }
            String message = name + ": variable $" + varName + " query `" + query + "` " + error;
            String resolved = values.get(varName);
            tests.add(DynamicTest.dynamicTest("variable $" + varName, () -> {
                assertTrue(failures.get(varName) == null, message);
                assertTrue(resolved != null && !resolved.isBlank(), message);
            }));
        }

        for (JsonNode p : panels(d)) {
            String title = p.path("title").asText();
            String pending = PENDING.get(d.path("uid").asText() + " / " + title);
            tests.add(DynamicTest.dynamicTest("panel " + title, () -> {
                assertTrue(failures.isEmpty(), name + ": panel \"" + title + "\": variables failed " + failures);
                List<String> empty = new ArrayList<>();
                String uid = p.path("datasource").path("uid").asText();
                for (JsonNode t : p.path("targets")) {
                    String query = substitute(t.path("query").asText(), values);
                    String where = name + ": panel \"" + title + "\" query " + t.path("refId").asText() + " `" + query + "`";
                    assertEquals(isMetrics(query) ? metricsUid : datasourceUid, uid,
                            where + ": Flink metrics from the metrics datasource, results from the results one");
                    String problem = problem(uid.equals(metricsUid) ? metrics : influx, query, where);
                    if (problem != null) {
                        empty.add(problem);
                    }
                }
                if (!chosen.isEmpty() && monthsOnly(p)) {
                    assertEquals(p.path("targets").size(), empty.size(), where(name, title)
                            + " is of months only but shows data");
                } else {
                    settle(where(name, title), pending, empty);
                }
            }));
        }
        return DynamicContainer.dynamicContainer(name, tests);
    }

    private static boolean monthsOnly(JsonNode panel) {
        for (JsonNode t : panel.path("targets")) {
            String query = t.path("query").asText();
            if (MONTHS_ONLY.stream().noneMatch(m -> query.contains("FROM " + m))) {
                return false;
            }
        }
        return true;
    }

    private static String where(String dashboard, String title) {
        return dashboard + ": panel \"" + title + "\"";
    }

    /** Pending items are skipped (and must not return data), others must have returned data for every query. */
    private static void settle(String what, String pending, List<String> empty) {
        if (pending == null) {
            assertTrue(empty.isEmpty(), String.join("\n", empty));
        } else {
            assertFalse(empty.isEmpty(), what + " is listed as pending (" + pending + ") but returns data now: "
                    + "take it off DashboardQueriesTest.PENDING");
            Assumptions.abort("pending: " + pending);
        }
    }

    /**
     * Runs the query; null when it returned rows and every column after time has a value somewhere, else
     * what is missing. A query InfluxDB rejects fails the test right away.
     */
    private static String problem(InfluxQl db, String query, String where) {
        assertFalse(UNRESOLVED.matcher(query).find(), where + ": unresolved variable");
        List<Series> result;
        try {
            result = db.query(query);
        } catch (IOException e) {
            return fail(where + " failed: " + e.getMessage(), e);
        }
        if (DUMP) {
            System.out.println(where + "\n  -> " + result.size() + " series, e.g. "
                    + result.stream().limit(3).map(s -> s.tags() + " " + s.values().stream().limit(2).toList()).toList());
        }
        if (result.stream().allMatch(s -> s.values().isEmpty())) {
            return where + " returned no data";
        }
        // fill(0) turns "no data" into zeros: there, a column needs a value other than 0.
        boolean zeroIsEmpty = query.replace(" ", "").contains("fill(0)");
        List<String> nullColumns = new ArrayList<>();
        List<String> columns = result.get(0).columns();
        for (int c = 0; c < columns.size(); c++) {
            int col = c;
            if (c > 0 && result.stream().flatMap(s -> s.values().stream()).map(row -> row.get(col))
                    .allMatch(v -> v == null || zeroIsEmpty && v instanceof Number n && n.doubleValue() == 0)) {
                nullColumns.add(columns.get(c));
            }
        }
        return nullColumns.isEmpty() ? null : where + " returned no value in columns " + nullColumns;
    }

    private static List<String> variableValues(String query, int sort) throws IOException {
        List<String> out = new ArrayList<>();
        for (Series s : influx.query(query)) {
            int col = s.columns().indexOf("value");
            s.values().forEach(row -> out.add(String.valueOf(row.get(col))));
        }
        switch (sort) { // Grafana: 1 alphabetical ascending, 2 alphabetical descending, 0 as returned
            case 1, 5 -> out.sort(Comparator.naturalOrder());
            case 2, 6 -> out.sort(Comparator.reverseOrder());
            default -> { }
        }
        return out;
    }

    /** What Grafana would still take for a variable ({@code $/} in a regex is not one). */
    private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{?\\w|\\[\\[\\w");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?\\}|\\[\\[(\\w+)\\]\\]|\\$(\\w+)");

    /** Grafana's built-in macros and the template variables, as Grafana renders them for InfluxQL. */
    static String substitute(String query, Map<String, String> values) {
        // Flink metrics come every reporting interval (200 ms here) from a job that runs for seconds: their
        // rates need buckets as short as Grafana's auto interval gives a live range; results are hourly.
        boolean flink = isMetrics(query);
        String range = flink ? metricsTimeFilter : timeFilter;
        String q = query.replace("$timeFilter", range).replace("$__timeFilter", range)
                .replace("$__interval_ms", flink ? "1000" : "3600000").replace("$__interval", flink ? "1s" : "1h");
        Matcher m = VARIABLE.matcher(q);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String value = values.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isMetrics(String query) {
        return query.contains("taskmanager_") || query.contains("jobmanager_");
    }

    /** Collects every datasource reference that is not {type influxdb, uid a provisioned one}. */
    private static void datasourceRefs(JsonNode node, String path, List<String> bad) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("datasource")) {
                    JsonNode ds = e.getValue();
                    if (!Set.of(datasourceUid, metricsUid).contains(ds.path("uid").asText())
                            || !ds.path("type").asText().equals("influxdb")) {
                        bad.add(path + "/datasource=" + ds);
                    }
                } else {
                    datasourceRefs(e.getValue(), path + "/" + e.getKey(), bad);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                datasourceRefs(node.get(i), path + "[" + i + "]", bad);
            }
        }
    }

    // ------------------------------------------------------------------ alert rules

    private static List<JsonNode> rules() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(GRAFANA.resolve("alerting"))) {
            for (Path f : s.filter(x -> x.toString().matches(".*\\.ya?ml")).sorted().toList()) {
                JsonNode file = YAML.readTree(f.toFile());
                assertEquals(1, file.path("apiVersion").asInt(), f + ": apiVersion");
                for (JsonNode g : file.path("groups")) {
                    g.path("rules").forEach(out::add);
                }
            }
        }
        return out;
    }

    /**
     * A whole-feed outage stalls the watermark, so no event-time alert can say so: the rule "feed silent"
     * counts the readings the job's source read, from its metrics. Evaluated as Grafana does (query A,
     * reduced by sum, threshold C): over the run it sees readings and stays quiet; over the minute after
     * the job ended it finds no data, which the rule turns into an alert.
     */
    @Test
    void theFeedSilentRuleSeesReadingsWhileTheyFlowAndAlertsWhenTheyStop() throws IOException {
        JsonNode rule = rules().stream().filter(r -> r.path("uid").asText().equals("airindex-feed-silent")).findFirst()
                .orElseThrow(() -> new AssertionError("no rule airindex-feed-silent"));
        JsonNode a = rule.path("data").get(0).path("model");
        assertEquals("sum", rule.path("data").get(1).path("model").path("reducer").asText());
        JsonNode evaluator = rule.path("data").get(2).path("model").path("conditions").get(0).path("evaluator");
        assertEquals("lt", evaluator.path("type").asText());
        assertEquals(1, evaluator.path("params").get(0).asInt());
        assertEquals("Alerting", rule.path("noDataState").asText(), "a job that reports nothing is silent too");

        double read = 0;
        for (Series s : metrics.query(substitute(a.path("query").asText(), Map.of()))) {
            for (List<Object> row : s.values()) {
                read += row.get(1) == null ? 0 : ((Number) row.get(1)).doubleValue();
            }
        }
        assertTrue(read >= 1, "readings counted while the job read them: " + read);

        String afterTheRun = a.path("query").asText().replace("$timeFilter", timeFilter(runEnded + 2_000, runEnded + 60_000))
                .replace("$__interval", "1s");
        assertTrue(metrics.query(afterTheRun).stream().allMatch(s -> s.values().isEmpty()), "no data once the job ended");
    }

    @TestFactory
    Stream<DynamicNode> alertRules() throws IOException {
        List<JsonNode> rules = rules();
        assertFalse(rules.isEmpty(), "no alert rules in conf/grafana/alerting");
        return rules.stream().map(r -> DynamicTest.dynamicTest("alert rule " + r.path("uid").asText(), () -> {
            String what = "alert rule " + r.path("uid").asText() + " \"" + r.path("title").asText() + "\"";
            Set<String> refIds = new HashSet<>();
            List<String> empty = new ArrayList<>();
            for (JsonNode data : r.path("data")) {
                refIds.add(data.path("refId").asText());
                String uid = data.path("datasourceUid").asText();
                if (uid.equals("__expr__")) {
                    continue;
                }
                JsonNode model = data.path("model");
                assertTrue(model.path("rawQuery").asBoolean(), what + ": raw InfluxQL");
                String query = substitute(model.path("query").asText(), Map.of());
                assertEquals(isMetrics(query) ? metricsUid : datasourceUid, uid, what + ": datasource of " + data.path("refId"));
                String problem = problem(uid.equals(metricsUid) ? metrics : influx, query,
                        what + " query " + data.path("refId").asText() + " `" + query + "`");
                if (problem != null) {
                    empty.add(problem);
                }
            }
            assertTrue(refIds.contains(r.path("condition").asText()), what + ": condition names no query");
            settle(what, PENDING.get("alerting / " + r.path("uid").asText()), empty);
        }));
    }
}
