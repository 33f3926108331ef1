package dev.parley.cli;

import dev.parley.ua.Call;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code parley listen}: waits for calls; answers, rejects or lets them ring. */
final class ListenCommand implements Subcommand {

    private final ArgParser parser = new ArgParser("listen", PhoneOptions.with(
            CallMedia.PLAY, CallMedia.RECORD,
            OptionSpec.flag("auto-answer", "answer every call at once"),
            OptionSpec.value("reject", "CODE", "answer every call with this 4xx-6xx status (e.g. 486, 603)"),
            OptionSpec.value("duration", "SECONDS", "stop listening after this long (default: until interrupted)"),
            TransferOption.SPEC));

    private final InterruptHook interrupts;

    /** @param interrupts what Ctrl-C and SIGTERM do to the command's phone */
    ListenCommand(InterruptHook interrupts) {
        this.interrupts = interrupts;
    }

    @Override
    public String name() {
        return "listen";
    }

    @Override
    public String summary() {
        return "wait for calls: auto-answer, reject, play and record";
    }

    @Override
    public String help() {
        return parser.help("--user NAME [options]", """
                Listens on --bind (registering at --registrar when given) and handles each incoming
                call: --auto-answer answers it (playing --play, recording --record), --reject CODE
                refuses it; otherwise it rings until the caller gives up. With --auto-answer and
                --transfer-to URI, each answered call is then blind-transferred to URI (REFER).
                Stops after --duration.
                With --record and several calls, each call after the first records to FILE-N.wav.
                Exit status: 0, 3 registration failed, 2 usage error.""" + "\n" + InterruptHook.HELP);
    }

    @Override
    public ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        ParsedArgs parsed = parser.parse(args);
        if (!parsed.positional().isEmpty()) {
            throw new UsageException("parley listen takes no positional arguments, got " + parsed.positional());
        }
        int reject = parsed.intValue("reject", 0, 400, 699);
        if (reject != 0 && parsed.has("auto-answer")) {
            throw new UsageException("parley listen: choose --auto-answer or --reject, not both");
        }
        int duration = parsed.intValue("duration", Integer.MAX_VALUE / 1000, 1, Integer.MAX_VALUE / 1000);
        Optional<String> transferTo = TransferOption.target(parsed);
        if (transferTo.isPresent() && !parsed.has("auto-answer")) {
            throw new UsageException("parley listen: --transfer-to needs --auto-answer (a call is transferred once answered)");
        }
        CallMedia.checkFiles(parsed);
        AtomicInteger calls = new AtomicInteger();
        PrintStream[] human = new PrintStream[1];
        try (PhoneSession session = PhoneSession.open(interrupts, parsed, out, err, call -> {
            int n = calls.incrementAndGet();
            human[0].println("incoming call " + n + " from " + call.remote());
            if (reject != 0) {
                call.reject(reject);
            } else if (parsed.has("auto-answer")) {
                answer(call, parsed, n, err, transferTo, human[0]);
            }
        })) {
            human[0] = session.human;
            session.human.println("listening on " + session.listeningOn() + " as " + session.line.config().addressOfRecord());
            if (session.registers() && !session.awaitRegistration()) {
                return ExitCode.REGISTRATION_FAILED;
            }
            Sleeper.sleepSeconds(duration);
            session.human.println("handled " + calls.get() + (calls.get() == 1 ? " call" : " calls"));
            return ExitCode.SUCCESS;
        }
    }

    private static void answer(Call call, ParsedArgs parsed, int n, PrintStream err, Optional<String> transferTo,
                               PrintStream human) {
        try {
            ParsedArgs media = parsed;
            if (n > 1 && parsed.value("record").isPresent()) {
                String path = parsed.value("record").get();
                String numbered = path.endsWith(".wav") ? path.substring(0, path.length() - 4) + "-" + n + ".wav" : path + "-" + n;
                java.util.Map<String, String> values = new java.util.HashMap<>(parsed.values());
                values.put("record", numbered);
                media = new ParsedArgs(values, parsed.flags(), parsed.positional());
            }
            CallMedia.attach(call, media);
        } catch (IOException | IllegalArgumentException e) {
            err.println("parley listen: " + e.getMessage());
        }
        var answered = call.answer();
        // Runs on the phone's event thread: the transfer's outcome is printed when it comes, never waited for here.
        transferTo.ifPresent(target -> answered.thenCompose(c -> {
            human.println("transferring call " + n + " to " + target);
            return c.blindTransfer(target);
        }).whenComplete((p, e) -> human.println(p != null ? "call " + n + ": " + TransferOption.describe(target, p)
                : "call " + n + ": transfer to " + target + " failed: " + (e.getCause() != null ? e.getCause().getMessage() : e))));
    }
}
