package org.airindex.cli;

import java.nio.file.Path;
import java.util.List;
import org.airindex.domain.RuleSet;
import org.airindex.domain.Standards;
import org.airindex.domain.StandardsFormatException;

/** The {@code --rules auto|<id>} and {@code --standards DIR} options shared by the calculators. */
final class RuleOptions {
    static final String AUTO = "auto";

    final Standards standards;
    /** The rule-set named by --rules, or null under auto (chosen per row from its date). */
    final RuleSet fixed;

    private RuleOptions(Standards standards, RuleSet fixed) {
        this.standards = standards;
        this.fixed = fixed;
    }

    static RuleOptions of(Options o) throws UsageException {
        Standards s;
        String dir = o.get("standards", null);
        try {
            s = dir == null ? Standards.loadDefault() : Standards.load(Path.of(dir));
        } catch (StandardsFormatException e) {
            throw new UsageException("rule tables: " + e.getMessage());
        }
        String rules = o.get("rules", AUTO);
        if (rules.equals(AUTO)) {
            return new RuleOptions(s, null);
        }
        if (!s.ids().contains(rules)) {
            throw new UsageException("--rules must be auto or one of " + s.ids() + ", got " + rules);
        }
        return new RuleOptions(s, s.byId(rules));
    }

    /** The rule-sets rows may be computed under, to decide which optional columns to write. */
    List<RuleSet> candidates() {
        return fixed != null ? List.of(fixed) : standards.ids().stream().map(standards::byId).toList();
    }
}
