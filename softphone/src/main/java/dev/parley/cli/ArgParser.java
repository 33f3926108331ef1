package dev.parley.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small GNU-style argument parser: {@code --name value}, {@code --name=value}, {@code --flag}, and
 * positional arguments; {@code --} ends the options. Unknown options are errors that name the
 * closest known option.
 */
final class ArgParser {
    /** A repeatable option is taken at most this many times: the command line is bounded too. */
    static final int MAX_REPEATS = 64;

    private final String command;
    private final Map<String, OptionSpec> specs = new LinkedHashMap<>();

    ArgParser(String command, List<OptionSpec> options) {
        this.command = command;
        for (OptionSpec o : options) {
            if (specs.put(o.name(), o) != null) {
                throw new IllegalArgumentException("duplicate option --" + o.name());
            }
        }
    }

    List<OptionSpec> options() {
        return List.copyOf(specs.values());
    }

    ParsedArgs parse(List<String> args) throws UsageException {
        Map<String, String> values = new HashMap<>();
        Map<String, List<String>> repeated = new HashMap<>();
        Set<String> flags = new HashSet<>();
        List<String> positional = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("--") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = arg.substring(2);
            String inlineValue = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inlineValue = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            OptionSpec spec = specs.get(name);
            if (spec == null) {
                throw new UsageException("parley " + command + ": unknown option --" + name + suggestion(name)
                        + "; see 'parley " + command + " --help'");
            }
            if (!spec.takesValue()) {
                if (inlineValue != null) {
                    throw new UsageException("parley " + command + ": --" + name + " is a flag and takes no value");
                }
                flags.add(name);
                continue;
            }
            String value = inlineValue;
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException("parley " + command + ": --" + name + " needs a value: " + spec.synopsis());
                }
                value = args.get(++i);
            }
            if (spec.repeatable()) {
                List<String> list = repeated.computeIfAbsent(name, k -> new ArrayList<>());
                if (list.size() == MAX_REPEATS) {
                    throw new UsageException("parley " + command + ": --" + name + " given more than " + MAX_REPEATS + " times");
                }
                list.add(value);
            } else if (values.put(name, value) != null) {
                throw new UsageException("parley " + command + ": --" + name + " given twice");
            }
        }
        return new ParsedArgs(values, flags, positional, repeated);
    }

    private String suggestion(String unknown) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : specs.keySet()) {
            int d = editDistance(unknown, known);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return best != null && bestDistance <= 2 ? " (did you mean --" + best + "?)" : "";
    }

    /** Levenshtein distance; option names are short, so the quadratic table is fine. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The help text: usage line, description, then one line per option. */
    String help(String usage, String description) {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: parley ").append(command).append(' ').append(usage).append("\n\n");
        sb.append(description).append("\n\nOptions:\n");
        int width = 6;
        for (OptionSpec o : specs.values()) {
            width = Math.max(width, o.synopsis().length());
        }
        for (OptionSpec o : specs.values()) {
            sb.append("  ").append(o.synopsis());
            sb.append(" ".repeat(width - o.synopsis().length() + 2)).append(o.help()).append('\n');
        }
        sb.append("  --help").append(" ".repeat(Math.max(2, width - 6 + 2))).append("show this help\n");
        return sb.toString();
    }
}
