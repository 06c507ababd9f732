package org.airindex.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of a subcommand, checked against the names it accepts. */
final class Options {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Options() {
    }

    static Options parse(String[] args, Set<String> accepted) throws UsageException {
        return parse(args, accepted, Set.of());
    }

    /** @param flags options that take no value, such as {@code --keep} */
    static Options parse(String[] args, Set<String> accepted, Set<String> flags) throws UsageException {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.startsWith("--") ? a.substring(2) : "";
            if (flags.contains(name)) {
                o.flags.add(name);
                continue;
            }
            if (!accepted.contains(name)) {
                throw new UsageException("unknown option: " + a);
            }
            if (i + 1 >= args.length) {
                throw new UsageException("option " + a + " needs a value");
            }
            if (o.values.put(name, args[++i]) != null) {
                throw new UsageException("option " + a + " given twice");
            }
        }
        return o;
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException("missing option --" + name);
        }
        return v;
    }

    String choice(String name, String fallback, Set<String> allowed) throws UsageException {
        String v = get(name, fallback);
        if (!allowed.contains(v)) {
            throw new UsageException("--" + name + " must be one of " + allowed + ", got " + v);
        }
        return v;
    }
}
