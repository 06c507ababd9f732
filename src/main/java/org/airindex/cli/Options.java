package org.airindex.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of a subcommand, checked against the names it accepts. */
final class Options {
    private final Map<String, String> values = new HashMap<>();

    private Options() {
    }

    static Options parse(String[] args, Set<String> accepted) throws UsageException {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || !accepted.contains(a.substring(2))) {
                throw new UsageException("unknown option: " + a);
            }
            if (i + 1 >= args.length) {
                throw new UsageException("option " + a + " needs a value");
            }
            if (o.values.put(a.substring(2), args[++i]) != null) {
                throw new UsageException("option " + a + " given twice");
            }
        }
        return o;
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
