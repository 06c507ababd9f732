package org.airindex.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.airindex.config.AirIndexConfig;
import org.airindex.config.ConfigLoader;
import org.airindex.config.StationRegistry;
import org.junit.jupiter.api.Test;

/**
 * Operator uids are the contract of every savepoint: a job resumes only if each operator with state finds
 * its uid again. Every operator of the production job has one, and the list is pinned in
 * {@code operator-uids.txt}: renaming or dropping a uid breaks resuming from older savepoints, so it must be
 * a deliberate change of that file (with {@code --allowNonRestoredState} or a state migration planned).
 */
class OperatorUidsTest {
    private static final Path PINNED = Path.of("src/test/resources/operator-uids.txt");

    @Test
    void everyOperatorHasTheUidOlderSavepointsKnow() throws Exception {
        AirIndexConfig config = ConfigLoader.load(Path.of("conf/airindex.yaml"), name -> null);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ProductionIo.job(config, StationRegistry.load(Path.of(config.stations)), false).build(env);
        List<String> uids = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (StreamNode node : env.getStreamGraph().getStreamNodes()) {
            if (node.getTransformationUID() == null) {
                without.add(node.getOperatorName());
            } else {
                uids.add(node.getTransformationUID());
            }
        }
        assertEquals(List.of(), without, "operators without a uid");
        uids.sort(null);
        assertEquals(uids.stream().distinct().toList(), uids, "uids are unique");
        List<String> pinned = Files.readAllLines(PINNED, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals(pinned, uids, "the uids differ from " + PINNED);
        assertTrue(uids.size() > 20, uids.toString());
    }
}
