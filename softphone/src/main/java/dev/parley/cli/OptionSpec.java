package dev.parley.cli;

import java.util.Objects;

/**
 * One {@code --name} option of a subcommand.
 *
 * @param name      the option name without the leading dashes
 * @param valueName the placeholder shown in help ({@code FILE}, {@code URI}), or {@code null} for a flag
 * @param help      one line of help
 * @param repeatable whether the option may be given several times ({@code --call A --call B})
 */
record OptionSpec(String name, String valueName, String help, boolean repeatable) {

    OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        if (name.startsWith("-") || name.isEmpty()) {
            throw new IllegalArgumentException("option names are written without dashes: " + name);
        }
        if (repeatable && valueName == null) {
            throw new IllegalArgumentException("a flag cannot repeat: " + name);
        }
    }

    static OptionSpec flag(String name, String help) {
        return new OptionSpec(name, null, help, false);
    }

    static OptionSpec value(String name, String valueName, String help) {
        return new OptionSpec(name, Objects.requireNonNull(valueName, "valueName"), help, false);
    }

    /** An option with a value that may be given up to {@link ArgParser#MAX_REPEATS} times. */
    static OptionSpec repeatable(String name, String valueName, String help) {
        return new OptionSpec(name, Objects.requireNonNull(valueName, "valueName"), help, true);
    }

    boolean takesValue() {
        return valueName != null;
    }

    /** The option as shown in help: {@code --play FILE}. */
    String synopsis() {
        return takesValue() ? "--" + name + " " + valueName : "--" + name;
    }
}
