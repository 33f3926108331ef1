package dev.parley.cli;

import java.io.PrintStream;
import java.util.List;

/** One {@code parley <name>} subcommand. */
interface Subcommand {

    /** The name typed after {@code parley}. */
    String name();

    /** One line for the top-level help. */
    String summary();

    /** The full help text, shown by {@code parley <name> --help}. */
    String help();

    /**
     * Runs the subcommand.
     *
     * @param args the arguments after the subcommand name ({@code --help} already handled)
     * @return the exit code
     * @throws UsageException when the arguments are wrong
     */
    ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException;
}
