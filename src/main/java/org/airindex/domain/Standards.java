package org.airindex.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * All rule-sets, indexed by {@code rulesets.yaml} and chosen by the local date of the data
 * (STANDARDS.md §0). A rule-set file may say {@code inherits: "<id>"} to start from another
 * rule-set and override only what differs.
 */
public final class Standards implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String INDEX = "rulesets.yaml";

    private static final class DefaultHolder {
        static final Standards INSTANCE = read("classpath:standards/",
                name -> YamlFiles.readClasspath("standards/" + name));
    }

    private final ZoneId zone;
    /** Ordered by effective date; the first may have a null date and covers all earlier data. */
    private final List<RuleSet> ordered;
    private final Map<String, RuleSet> byId;

    private Standards(ZoneId zone, List<RuleSet> ordered) {
        this.zone = zone;
        this.ordered = List.copyOf(ordered);
        Map<String, RuleSet> ids = new LinkedHashMap<>();
        for (RuleSet r : ordered) {
            ids.put(r.id(), r);
        }
        this.byId = Collections.unmodifiableMap(ids);
    }

    /** The tables shipped in the jar (classpath folder {@code standards/}). */
    public static Standards loadDefault() {
        return DefaultHolder.INSTANCE;
    }

    /** The same files from a folder on disk, e.g. an edited copy of {@code conf/standards}. */
    public static Standards load(Path dir) {
        return read(dir.toString(), name -> YamlFiles.readFile(dir.resolve(name)));
    }

    private static Standards read(String where, Function<String, JsonNode> files) {
        JsonNode index = files.apply(INDEX);
        String indexSource = where + INDEX;
        ZoneId zone = ZoneId.of(YamlFiles.required(index, "time_zone", indexSource).asText());
        Map<String, String> fileById = new LinkedHashMap<>();
        Map<String, LocalDate> fromById = new LinkedHashMap<>();
        LocalDate previous = null;
        boolean first = true;
        for (JsonNode e : YamlFiles.required(index, "rulesets", indexSource)) {
            String id = YamlFiles.required(e, "id", indexSource).asText();
            JsonNode from = e.get("effective_from");
            LocalDate date = parseDate(from, indexSource, id);
            if (date == null ? !first : previous != null && !date.isAfter(previous)) {
                throw new StandardsFormatException(indexSource + ": rule-sets must be listed in effective_from "
                        + "order, only the first may omit it (" + id + ")");
            }
            first = false;
            previous = date;
            fileById.put(id, YamlFiles.required(e, "file", indexSource).asText());
            fromById.put(id, date);
        }
        if (fileById.isEmpty()) {
            throw new StandardsFormatException(indexSource + ": no rule-sets");
        }
        Map<String, JsonNode> merged = new HashMap<>();
        List<RuleSet> ordered = new ArrayList<>();
        for (String id : fileById.keySet()) {
            JsonNode tree = resolve(id, fileById, files, where, merged, new HashSet<>());
            String source = where + fileById.get(id);
            String declared = YamlFiles.required(tree, "id", source).asText();
            if (!declared.equals(id)) {
                throw new StandardsFormatException(source + ": id '" + declared + "' but indexed as '" + id + "'");
            }
            ordered.add(RuleSetReader.read(tree, source, fromById.get(id)));
        }
        return new Standards(zone, ordered);
    }

    private static LocalDate parseDate(JsonNode from, String source, String id) {
        if (from == null || from.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(from.asText());
        } catch (DateTimeParseException e) {
            throw new StandardsFormatException(source + ": bad effective_from for " + id + ": " + from.asText(), e);
        }
    }

    private static JsonNode resolve(String id, Map<String, String> fileById, Function<String, JsonNode> files,
                                    String where, Map<String, JsonNode> merged, Set<String> visiting) {
        JsonNode done = merged.get(id);
        if (done != null) {
            return done;
        }
        if (!visiting.add(id)) {
            throw new StandardsFormatException(where + ": 'inherits' cycle through " + id);
        }
        String file = fileById.get(id);
        if (file == null) {
            throw new StandardsFormatException(where + ": inherits unknown rule-set " + id);
        }
        JsonNode tree = files.apply(file);
        JsonNode parent = tree.get("inherits");
        if (parent != null && !parent.isNull()) {
            JsonNode base = resolve(parent.asText(), fileById, files, where, merged, visiting);
            tree = YamlFiles.merge(base, tree);
            ((ObjectNode) tree).remove("inherits");
        }
        merged.put(id, tree);
        return tree;
    }

    /** Time zone in which data dates are local (Asia/Shanghai by default). */
    public ZoneId zone() {
        return zone;
    }

    /** The rule-set in force on a local data date. */
    public RuleSet forDate(LocalDate localDate) {
        RuleSet found = ordered.get(0);
        for (RuleSet r : ordered) {
            if (r.effectiveFrom() == null || !r.effectiveFrom().isAfter(localDate)) {
                found = r;
            }
        }
        if (found.effectiveFrom() != null && found.effectiveFrom().isAfter(localDate)) {
            throw new IllegalArgumentException("no rule-set covers " + localDate);
        }
        return found;
    }

    /** The rule-set for the end-labelled hour ending at a local time (00:00 belongs to the day before). */
    public RuleSet forHourEnding(LocalDateTime localEnd) {
        return forDate(DataDate.ofHourEnd(localEnd));
    }

    /** A period [from, to] of local dates: the rule-set of its end date, or of its start per {@code periods.straddle}. */
    public RuleSet forPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + ".." + to);
        }
        RuleSet atEnd = forDate(to);
        return atEnd.straddle() == RuleSet.StraddleBasis.START_DATE ? forDate(from) : atEnd;
    }

    /**
     * The rule-set for last year's period in a year-on-year comparison with a current period computed
     * under {@code current}: the same one (like for like) or its own, per {@code periods.year_on_year}.
     */
    public RuleSet forLastYear(RuleSet current, LocalDate lastYearFrom, LocalDate lastYearTo) {
        return current.yearOnYear() == RuleSet.YearOnYearBasis.CURRENT ? current : forPeriod(lastYearFrom, lastYearTo);
    }

    public RuleSet byId(String id) {
        RuleSet r = byId.get(id);
        if (r == null) {
            throw new IllegalArgumentException("unknown rule-set '" + id + "', known: " + byId.keySet());
        }
        return r;
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }
}
