package org.airindex.cli;

import java.nio.file.Path;
import java.util.List;
import org.airindex.domain.RuleSet;
import org.airindex.domain.Standards;
import org.airindex.domain.StandardsFormatException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --rules auto|<id>} and {@code --standards DIR} options shared by the calculators (a picocli
 * mixin). The ids --rules accepts are those of the rule tables, so it is checked once they are loaded.
 */
final class RuleOptions {
    private static final String AUTO = "auto";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--rules", paramLabel = "auto|ID", defaultValue = AUTO,
            description = "the rule-set: auto picks each row's by its date; an id of the rule tables (2012, 2026, 2031 "
                    + "in the jar's) applies that one to every row")
    private String rules;

    @Option(names = "--standards", paramLabel = "DIR",
            description = {"the rule tables: a folder laid out as conf/standards", "  Default: the tables in the jar"})
    private Path dir;

    /**
     * @param standards the rule tables
     * @param fixed the rule-set named by --rules, or null under auto (chosen per row from its date)
     */
    record Rules(Standards standards, RuleSet fixed) {
        /** The rule-sets rows may be computed under, to decide which optional columns to write. */
        List<RuleSet> candidates() {
            return fixed != null ? List.of(fixed) : standards.ids().stream().map(standards::byId).toList();
        }
    }

    Rules load() throws UsageException {
        Standards s;
        try {
            s = dir == null ? Standards.loadDefault() : Standards.load(dir);
        } catch (StandardsFormatException e) {
            throw new UsageException("rule tables: " + e.getMessage());
        }
        if (rules.equals(AUTO)) {
            return new Rules(s, null);
        }
        if (!s.ids().contains(rules)) {
            throw new ParameterException(command.commandLine(), "--rules must be auto or one of " + s.ids() + ", got " + rules);
        }
        return new Rules(s, s.byId(rules));
    }
}
