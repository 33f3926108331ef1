package dev.parley.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The result of parsing a subcommand's arguments: option values, flags, positional arguments, and
 * the values of repeatable options in the order given.
 */
record ParsedArgs(Map<String, String> values, Set<String> flags, List<String> positional,
                  Map<String, List<String>> repeated) {

    ParsedArgs {
        values = Map.copyOf(values);
        flags = Set.copyOf(flags);
        positional = List.copyOf(positional);
        Map<String, List<String>> lists = new java.util.HashMap<>();
        repeated.forEach((k, v) -> lists.put(k, List.copyOf(v)));
        repeated = Map.copyOf(lists);
    }

    ParsedArgs(Map<String, String> values, Set<String> flags, List<String> positional) {
        this(values, flags, positional, Map.of());
    }

    /** Every value of a repeatable option, in the order given (empty when it was not given). */
    List<String> all(String name) {
        return repeated.getOrDefault(name, List.of());
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String require(String name) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException("missing --" + name + "; add --" + name + " <value>");
        }
        return v;
    }

    int intValue(String name, int defaultValue, int min, int max) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, not '" + v + "'");
        }
    }
}
