package org.airindex.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.airindex.records.Places;

/**
 * A max parallelism for a batch replay that spreads the registry's keys evenly over the subtasks.
 *
 * <p>Flink sends a key to the subtask that owns its key group, the key's hash modulo the max
 * parallelism. With a province's hundreds of stations that spreads evenly enough; with a dozen it
 * does not: under the default (128) and 2 subtasks, 9 of the 12 Beijing stations and 6 of its 8
 * districts land on one subtask. A batch stage lasts as long as its busiest subtask, so the whole
 * replay takes as long as if every stage ran on that one. A replay restores no state, so its max
 * parallelism can be chosen freely; a streaming job's cannot (savepoints keep their key groups),
 * and keeps the default.
 */
public final class KeySpread {
    /** Flink's own lower bound for a default max parallelism. */
    static final int FIRST_CANDIDATE = 128;
    /** Enough candidates to find an even spread for a few dozen keys; searching them takes milliseconds. */
    static final int CANDIDATES = 2048;

    private KeySpread() {
    }

    /**
     * The smallest max parallelism, from 128 on, under which the keyed stages' busiest subtasks hold the
     * fewest keys in total: each family of {@link Keys#families} is a keyed stage, and so are the places
     * of every level together (the period operator).
     */
    public static int maxParallelism(Map<String, Set<Integer>> families, int parallelism) {
        List<Collection<Integer>> stages = new ArrayList<>(families.values());
        Set<Integer> places = new TreeSet<>();
        Places.PLACE_LEVELS.forEach(level -> places.addAll(families.getOrDefault(level, Set.of())));
        stages.add(places);
        int first = Math.max(FIRST_CANDIDATE, parallelism);
        int best = first;
        int bestLoad = Integer.MAX_VALUE;
        for (int candidate = first; candidate < first + CANDIDATES; candidate++) {
            int load = 0;
            for (Collection<Integer> keys : stages) {
                load += busiest(keys, candidate, parallelism);
            }
            if (load < bestLoad) {
                best = candidate;
                bestLoad = load;
            }
        }
        return best;
    }

    /** How many of the keys the busiest of the subtasks gets under that max parallelism. */
    static int busiest(Collection<Integer> keys, int maxParallelism, int parallelism) {
        int[] perSubtask = new int[parallelism];
        int most = 0;
        for (Integer key : keys) {
            int subtask = KeyGroupRangeAssignment.assignKeyToParallelOperator(key, maxParallelism, parallelism);
            most = Math.max(most, ++perSubtask[subtask]);
        }
        return most;
    }
}
