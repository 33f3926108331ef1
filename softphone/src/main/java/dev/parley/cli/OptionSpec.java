package dev.parley.cli;

import java.util.Objects;

/**
 * One {@code --name} option of a subcommand.
 *
 * @param name      the option name without the leading dashes
 * @param valueName the placeholder shown in help ({@code FILE}, {@code URI}), or {@code null} for a flag
 * @param help      one line of help
 */
record OptionSpec(String name, String valueName, String help) {

    OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        if (name.startsWith("-") || name.isEmpty()) {
            throw new IllegalArgumentException("option names are written without dashes: " + name);
        }
    }

    static OptionSpec flag(String name, String help) {
        return new OptionSpec(name, null, help);
    }

    static OptionSpec value(String name, String valueName, String help) {
        return new OptionSpec(name, Objects.requireNonNull(valueName, "valueName"), help);
    }

    boolean takesValue() {
        return valueName != null;
    }

    /** The option as shown in help: {@code --play FILE}. */
    String synopsis() {
        return takesValue() ? "--" + name + " " + valueName : "--" + name;
    }
}
