package dev.parley.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code parley register}: registers one account, optionally stays registered, then unregisters. */
final class RegisterCommand implements Subcommand {

    private final ArgParser parser = new ArgParser("register", PhoneOptions.with(
            OptionSpec.value("duration", "SECONDS", "stay registered this long before unregistering (default 0)")));

    private final InterruptHook interrupts;

    /** @param interrupts what Ctrl-C and SIGTERM do to the command's phone */
    RegisterCommand(InterruptHook interrupts) {
        this.interrupts = interrupts;
    }

    @Override
    public String name() {
        return "register";
    }

    @Override
    public String summary() {
        return "register an account with a registrar (digest authentication), then unregister";
    }

    @Override
    public String help() {
        return parser.help("--user NAME --password SECRET --registrar HOST:PORT [options]", """
                Registers sip:NAME@DOMAIN at the registrar, answering 401/407 digest challenges,
                keeps the binding refreshed for --duration seconds, then removes it (Expires: 0).
                With --transport tls the registrar's certificate must be trusted (--tls-ca FILE, a
                PEM file; else the JDK's trust store) and name the address dialled (a SAN such as
                ip:127.0.0.1); otherwise registration fails at once with the TLS reason (exit 3).
                Exit status: 0 registered, 3 registration failed, 2 usage error.""" + "\n" + InterruptHook.HELP);
    }

    @Override
    public ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        ParsedArgs parsed = parser.parse(args);
        if (!parsed.positional().isEmpty()) {
            throw new UsageException("parley register takes no positional arguments, got " + parsed.positional());
        }
        parsed.require("registrar");
        int duration = parsed.intValue("duration", 0, 0, 86_400);
        try (PhoneSession session = PhoneSession.open(interrupts, parsed, out, err, call -> call.reject(486))) {
            if (!session.awaitRegistration()) {
                return ExitCode.REGISTRATION_FAILED;
            }
            Sleeper.sleepSeconds(duration);
            return ExitCode.SUCCESS;
        }
    }
}
