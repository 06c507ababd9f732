package org.airindex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code whatif} says to arguments it cannot use: one line and exit 2, never a stack trace. */
class WhatIfCommandTest {
    @TempDir
    Path work;

    private CliRun whatif(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "whatif";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--results";
        all[args.length + 2] = work.toString();
        return CliRun.of(all);
    }

    private static void refused(CliRun run, String says) {
        assertEquals(2, run.status, run.err);
        assertTrue(run.err.contains(says), run.err);
        assertFalse(run.err.contains("\tat "), run.err);
    }

    @Test
    void aChangeItCanProject() {
        refused(whatif("--place", "小店区", "--period", "2026-08"), "nothing changes");
        refused(whatif("--place", "小店区", "--period", "2026-08", "--pm25", "-5", "--pm25-level", "20"),
                "one or the other");
        refused(whatif("--place", "小店区", "--period", "2026-08", "--pm25", "1e999"), "not a finite number");
        refused(whatif("--place", "小店区", "--period", "2026-08", "--pm25-level", "-3"), "below zero");
        refused(whatif("--place", "小店区", "--period", "2026-08", "--pm25", "abc"), "abc");
        refused(whatif("--place", "小店区", "--period", "2026-13", "--pm25", "-5"), "2026-13");
    }

    @Test
    void aCountyOfTheRegistry() {
        refused(whatif("--place", "不存在区", "--period", "2026-08", "--pm25", "-5"), "no county 不存在区");
        // The sample registry has 城区 in two cities: the key says which.
        refused(whatif("--place", "城区", "--period", "2026-08", "--pm25", "-5"), "names 2 counties");
    }

    @Test
    void resultsItCanRead() {
        refused(whatif("--place", "小店区", "--period", "2026-08", "--pm25", "-5"), "the --out directory of a replay");
    }
}
