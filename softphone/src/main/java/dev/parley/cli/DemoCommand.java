package dev.parley.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code parley demo}: the loopback demo of {@link DemoScenario}; exit 0 only when every check passes. */
final class DemoCommand implements Subcommand {

    private final ArgParser parser = new ArgParser("demo", List.of());

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "registrar + alice, bob, carol on loopback: register, call, audio, DTMF, hold, transfer; checks";
    }

    @Override
    public String help() {
        return parser.help("", """
                Runs a registrar and proxy and three phones (alice, bob, carol) in this process on
                127.0.0.1, ephemeral ports, nothing else needed. The phones register with digest;
                alice calls bob through the proxy with G.722; each side's in-band tone is recognised
                by the other's DTMF detector; alice sends DTMF 1234# (RFC 4733); alice holds (no RTP
                reaches her) and resumes; bob blind-transfers alice to carol (REFER), who must hear
                alice's tone; alice hangs up; the phones close and unregister.
                Prints the SIP ladder, the RTP/RTCP figures of each call, and one line per check.
                Ends within about 30 s whatever happens.
                Exit status: 0 every check passed, 1 a check failed, 2 usage error.""");
    }

    @Override
    public ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        ParsedArgs parsed = parser.parse(args);
        if (!parsed.positional().isEmpty()) {
            throw new UsageException("parley demo takes no arguments, got " + parsed.positional());
        }
        return exitCode(new DemoScenario(out).run());
    }

    /** 0 only when there were checks and every one passed; 1 otherwise. */
    static ExitCode exitCode(List<DemoCheck> checks) {
        boolean allPassed = !checks.isEmpty() && checks.stream().allMatch(DemoCheck::passed);
        return allPassed ? ExitCode.SUCCESS : ExitCode.PROBLEMS;
    }
}
