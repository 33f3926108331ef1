package dev.parley.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The result of parsing a subcommand's arguments: option values, flags, and positional arguments. */
record ParsedArgs(Map<String, String> values, Set<String> flags, List<String> positional) {

    ParsedArgs {
        values = Map.copyOf(values);
        flags = Set.copyOf(flags);
        positional = List.copyOf(positional);
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
