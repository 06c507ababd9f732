package org.airindex.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of jobs/k8s/airindex.yaml (a FlinkDeployment of the Flink Kubernetes Operator) and
 * jobs/k8s/Dockerfile without a Kubernetes cluster: the operator's schema fields, that both pods get the
 * same environment, that the configuration this environment makes agrees with the Flink configuration,
 * and that every path the descriptor names is one the image has.
 */
class KubernetesDescriptorTest {
    private static final Path DESCRIPTOR = Path.of("jobs/k8s/airindex.yaml");
    private static final String BASE = "/opt/airindex";
    static JsonNode spec;
    static JsonNode root;
    static String dockerfile;

    @BeforeAll
    static void read() throws Exception {
        root = new ObjectMapper(new YAMLFactory()).readTree(DESCRIPTOR.toFile());
        spec = root.path("spec");
        dockerfile = Files.readString(Path.of("jobs/k8s/Dockerfile"));
    }

    @Test
    void itIsAFlinkDeploymentForFlink22ThatUpgradesThroughSavepoints() {
        assertEquals("flink.apache.org/v1beta1", root.path("apiVersion").asText());
        assertEquals("FlinkDeployment", root.path("kind").asText());
        assertEquals("v2_2", spec.path("flinkVersion").asText());
        assertEquals("savepoint", spec.path("job").path("upgradeMode").asText());
        assertEquals("org.airindex.cli.ClusterMain", spec.path("job").path("entryClass").asText(),
                "the entry class that never calls System.exit in the JobManager");
        JsonNode flink = spec.path("flinkConfiguration");
        assertEquals("kubernetes", flink.path("high-availability.type").asText());
        assertTrue(flink.path("high-availability.storageDir").asText().startsWith("s3://"), "HA storage");
        for (String key : List.of("execution.checkpointing.dir", "execution.checkpointing.savepoint-dir")) {
            assertTrue(flink.path(key).asText().startsWith("s3://"), key);
        }
        String image = spec.path("image").asText();
        String tag = image.substring(image.lastIndexOf(':') + 1);
        assertTrue(tag.matches("\\d+\\.\\d+\\.\\d+.*"), "a versioned image tag, not " + image);
        assertTrue(dockerfile.contains("\nFROM flink:2.2.1-java17\n"), "the image's base");
        assertTrue(dockerfile.contains("plugins/s3-fs-presto"), "the S3 file system the s3:// folders need");
    }

    /**
     * main() runs on the JobManager and reads the configuration; the operators run on the TaskManagers and
     * read the secrets: both pods need every variable. Each pod's environment is the common podTemplate's
     * merged with its own.
     */
    @Test
    void bothPodsGetTheSameEnvironmentAndSecrets() {
        Map<String, String> jobManager = environment("jobManager");
        Map<String, String> taskManager = environment("taskManager");
        assertEquals(jobManager, taskManager);
        assertEquals(secrets("jobManager"), secrets("taskManager"));
        assertEquals(List.of("airindex-secrets"), secrets("taskManager"));
        for (String name : jobManager.keySet()) {
            assertTrue(ConfigLoader.ENVIRONMENT.containsKey(name), name + " is not a variable airindex reads");
        }
        assertFalse(jobManager.isEmpty());
    }

    /**
     * The configuration the job builds on the JobManager (the image's conf/airindex.yaml with the pods'
     * environment) keeps its state where the Flink configuration says, and names only files the image has.
     */
    @Test
    void theConfigurationOnThePodsAgreesWithFlinksAndTheImage() throws Exception {
        Map<String, String> env = environment("jobManager");
        List<String> args = new ArrayList<>();
        spec.path("job").path("args").forEach(a -> args.add(a.asText()));
        assertEquals(List.of("--config", BASE + "/conf/airindex.yaml"), args);
        assertTrue(dockerfile.contains("\nCOPY conf/ " + BASE + "/conf/\n"), "the image ships conf/ at " + BASE);
        assertTrue(dockerfile.contains("\nENV AIRINDEX_BASE_DIR=" + BASE + "\n"));
        String jar = spec.path("job").path("jarURI").asText();
        assertTrue(jar.startsWith("local://"), jar);
        assertTrue(dockerfile.contains("\nCOPY target/airindex-cluster.jar " + jar.substring("local://".length()) + "\n"),
                "the image has the cluster jar at " + jar);

        AirIndexConfig c = ConfigLoader.load(Path.of("conf/airindex.yaml"), env::get);
        JsonNode flink = spec.path("flinkConfiguration");
        assertEquals(flink.path("execution.checkpointing.dir").asText(), c.checkpointing.dir);
        assertEquals(flink.path("execution.checkpointing.savepoint-dir").asText(), c.checkpointing.savepointDir);
        assertEquals(flink.path("state.backend.type").asText(), c.checkpointing.stateBackend);
        assertEquals(flink.path("metrics.reporter.airindex.database").asText(), c.influx.metricsDatabase);
        assertEquals(flink.path("metrics.reporter.airindex.url").asText(), c.influx.url);
        Map<String, String> files = ConfigLoader.namedFiles(c);
        assertTrue(files.keySet().containsAll(List.of("stations", "standards", "alerts", "province.scheme",
                "province.baselines")), files.toString());
        for (Map.Entry<String, String> f : files.entrySet()) {
            assertTrue(f.getValue().startsWith(BASE + "/conf/"), f.getKey() + " in the image: " + f.getValue());
            assertTrue(Files.exists(Path.of(f.getValue().substring(BASE.length() + 1))), f.getKey() + " shipped");
        }
        assertTrue(Files.isRegularFile(Path.of("src/main/java/" + spec.path("job").path("entryClass").asText()
                .replace('.', '/') + ".java")));
    }

    /** The descriptor's comment names the secret keys the job reads; the configuration names the same. */
    @Test
    void theSecretKeysTheCommentNamesAreTheConfigurations() throws Exception {
        AirIndexConfig c = ConfigLoader.load(Path.of("conf/airindex.yaml"), name -> null);
        String text = Files.readString(DESCRIPTOR);
        for (String key : List.of(c.influx.tokenEnv, c.influx.passwordEnv)) {
            assertTrue(text.contains("--from-literal=" + key + "="), key);
        }
        Matcher m = Pattern.compile("username_env: (\\w+)").matcher(text);
        assertTrue(m.find());
        assertTrue(text.contains("--from-literal=" + m.group(1) + "="), m.group(1));
    }

    private static Map<String, String> environment(String pod) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode template : List.of(spec.path("podTemplate"), spec.path(pod).path("podTemplate"))) {
            for (JsonNode e : container(template).path("env")) {
                env.put(e.path("name").asText(), e.path("value").asText());
            }
        }
        return env;
    }

    private static List<String> secrets(String pod) {
        List<String> out = new ArrayList<>();
        for (JsonNode template : List.of(spec.path("podTemplate"), spec.path(pod).path("podTemplate"))) {
            for (JsonNode e : container(template).path("envFrom")) {
                out.add(e.path("secretRef").path("name").asText());
            }
        }
        return out;
    }

    /** The operator merges the pod template's container named flink-main-container into Flink's. */
    private static JsonNode container(JsonNode template) {
        for (JsonNode c : template.path("spec").path("containers")) {
            if (c.path("name").asText().equals("flink-main-container")) {
                return c;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
