package dev.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    /** A subcommand that echoes its arguments, to test dispatch without the network. */
    private static final class Echo implements Subcommand {
        @Override public String name() { return "echo"; }
        @Override public String summary() { return "prints its arguments"; }
        @Override public String help() { return "Usage: parley echo ARGS\n"; }
        @Override public ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
            if (args.contains("--bad")) {
                throw new UsageException("parley echo: --bad is not allowed; drop it");
            }
            out.print(String.join(" ", args));
            return ExitCode.SUCCESS;
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(List.of(new Echo()));

    private ExitCode run(String... args) {
        return main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void dispatchesToTheNamedSubcommand() {
        assertEquals(ExitCode.SUCCESS, run("echo", "a", "b"));
        assertEquals("a b", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noArguments_isAUsageErrorWithTheList() {
        assertEquals(ExitCode.USAGE, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("echo"));
    }

    @Test
    void unknownSubcommand_suggestsTheClosest() {
        assertEquals(ExitCode.USAGE, run("ecoh"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("did you mean 'echo'?"));
    }

    @Test
    void helpOnASubcommand_printsItsHelpAndSucceeds() {
        assertEquals(ExitCode.SUCCESS, run("echo", "--help"));
        assertEquals("Usage: parley echo ARGS\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageException_becomesExitStatus2WithTheMessage() {
        assertEquals(ExitCode.USAGE, run("echo", "--bad"));
        assertEquals(2, ExitCode.USAGE.status());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--bad is not allowed"));
    }

    @Test
    void topLevelHelp_documentsTheExitStatuses() {
        assertEquals(ExitCode.SUCCESS, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("2 usage error"));
        assertTrue(help.contains("3 registration failed"));
    }
}
