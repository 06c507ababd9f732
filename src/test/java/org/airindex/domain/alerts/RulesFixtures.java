package org.airindex.domain.alerts;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.airindex.domain.RuleSet;
import org.airindex.domain.Standards;

/** The project's own conf/alerts.yaml, the 2026 rule-set and local times. */
final class RulesFixtures {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final AlertRules RULES = AlertRules.load(Path.of("conf/alerts.yaml"));
    static final RuleSet R2026 = Standards.loadDefault().byId("2026");
    static final long H = 3_600_000L;

    private RulesFixtures() {
    }

    static long at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant().toEpochMilli();
    }
}
