package dev.parley.cli;

import dev.parley.ua.Call;
import dev.parley.ua.CallEnd;
import dev.parley.ua.CallEndedException;
import dev.parley.ua.CallState;
import dev.parley.ua.EndCause;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code parley call URI}: one outgoing call, with optional registration, audio and recording. */
final class CallCommand implements Subcommand {

    private final ArgParser parser = new ArgParser("call", PhoneOptions.with(
            CallMedia.PLAY, CallMedia.RECORD,
            OptionSpec.value("duration", "SECONDS", "hang up this long after the answer (default 5)"),
            OptionSpec.value("dtmf", "DIGITS", "send these DTMF digits (0-9 * # A-D) after the answer (RFC 4733, or SIP INFO)"),
            OptionSpec.value("answer-timeout", "SECONDS", "give up if not answered by then: CANCEL, or abandon a call without any response (default 60)"),
            TransferOption.SPEC));

    private final InterruptHook interrupts;

    /** @param interrupts what Ctrl-C and SIGTERM do to the command's phone */
    CallCommand(InterruptHook interrupts) {
        this.interrupts = interrupts;
    }

    @Override
    public String name() {
        return "call";
    }

    @Override
    public String summary() {
        return "call a SIP URI, play and record audio, hang up";
    }

    @Override
    public String help() {
        return parser.help("URI --user NAME [options]", """
                Calls URI (sip:bob@127.0.0.1:5062, or a user of --domain when --registrar is given),
                registering first when --registrar is given. Plays --play, records --record, and
                hangs up --duration seconds after the answer. With --transfer-to URI, transfers the
                other party to URI after the answer (and the DTMF) instead, and ends when the
                transfer did. When the other party transfers us (REFER), the new call is followed
                for the rest of --duration.
                Exit status: 0 the call was answered and ended normally (or was transferred), 4 the
                call or the transfer failed (rejected, cancelled, timed out), 3 registration failed,
                2 usage error.""" + "\n" + InterruptHook.HELP);
    }

    @Override
    public ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        ParsedArgs parsed = parser.parse(args);
        if (parsed.positional().size() != 1) {
            throw new UsageException("parley call: give exactly one URI to call, e.g. parley call sip:bob@127.0.0.1:5062 --user alice");
        }
        String target = parsed.positional().get(0);
        int duration = parsed.intValue("duration", 5, 0, 86_400);
        int answerTimeout = parsed.intValue("answer-timeout", 60, 1, 3_600);
        if (parsed.value("dtmf").isPresent() && !parsed.value("dtmf").get().matches("[0-9*#A-Da-d]{1,64}")) {
            throw new UsageException("--dtmf takes 1 to 64 of 0-9 * # A-D, not '" + parsed.value("dtmf").get() + "'");
        }
        Optional<String> transferTo = TransferOption.target(parsed);
        CallMedia.checkFiles(parsed);
        try (PhoneSession session = PhoneSession.open(interrupts, parsed, out, err, incoming -> incoming.reject(486))) {
            if (session.registers() && !session.awaitRegistration()) {
                return ExitCode.REGISTRATION_FAILED;
            }
            Call call;
            try {
                call = session.line.newCall(target);
            } catch (RuntimeException e) { // the URI does not parse (RFC 3261 §19.1.1)
                throw new UsageException("parley call: " + target + " is not a SIP URI: " + e.getMessage());
            }
            try {
                CallMedia.attach(call, parsed);
            } catch (IOException | IllegalArgumentException e) {
                err.println("parley call: " + e.getMessage());
                return ExitCode.IO_ERROR;
            }
            session.human.println("calling " + target + " from " + session.line.config().addressOfRecord());
            try {
                call.start().toCompletableFuture().get(answerTimeout, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                if (call.state() == CallState.CALLING) {
                    // RFC 3261 §9.1: no CANCEL before a provisional response; closing the phone abandons the call.
                    session.human.println("no response within " + answerTimeout + " s; abandoning the call (no CANCEL before a response)");
                    return ExitCode.CALL_FAILED;
                }
                session.human.println("no answer within " + answerTimeout + " s; cancelling");
                report(session, await(call.hangUp()));
                return ExitCode.CALL_FAILED;
            } catch (ExecutionException | CompletionException e) {
                if (e.getCause() instanceof CallEndedException ended) {
                    report(session, ended.end());
                    return ExitCode.CALL_FAILED;
                }
                err.println("parley call: " + e.getCause());
                return ExitCode.CALL_FAILED;
            }
            session.human.println("answered; codec " + call.codec().map(c -> c.encodingName()).orElse("?"));
            if (parsed.value("dtmf").isPresent()) {
                String digits = parsed.value("dtmf").get();
                try {
                    call.sendDtmf(digits).toCompletableFuture().get(PhoneSession.REGISTRATION_WAIT_SECONDS, TimeUnit.SECONDS);
                    session.human.println("sent DTMF " + digits);
                } catch (ExecutionException | TimeoutException e) {
                    err.println("parley call: DTMF " + digits + " not sent: " + (e.getCause() == null ? e : e.getCause()));
                    report(session, await(call.hangUp()));
                    return ExitCode.CALL_FAILED;
                }
            }
            if (transferTo.isPresent()) {
                boolean transferred = TransferOption.transferAndWait(call, transferTo.get(), session.human, err);
                report(session, await(transferred ? call.ended() : call.hangUp()));
                return transferred ? ExitCode.SUCCESS : ExitCode.CALL_FAILED;
            }
            return talk(session, call, duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.CALL_FAILED;
        } catch (ExecutionException e) {
            err.println("parley call: " + e.getCause());
            return ExitCode.CALL_FAILED;
        }
    }

    /**
     * Waits out the call for {@code duration} seconds, then hangs up. When the peer transfers us
     * (the call ends TRANSFERRED), follows the new call for the time that is left.
     */
    private static ExitCode talk(PhoneSession session, Call first, int duration) throws InterruptedException, ExecutionException {
        long until = System.nanoTime() + duration * 1_000_000_000L;
        Call call = first;
        for (int hops = 0; ; hops++) {
            long left = Math.max(0, until - System.nanoTime());
            try {
                CallEnd early = call.ended().toCompletableFuture().get(left, TimeUnit.NANOSECONDS);
                report(session, early); // the other side hung up first: still a completed call
                Call next = early.cause() == EndCause.TRANSFERRED && hops < PhoneSession.MAX_TRANSFERS
                        ? session.awaitReplacement(call, 1_000) : null;
                if (next == null) {
                    return ExitCode.SUCCESS;
                }
                call = next;
            } catch (TimeoutException e) {
                report(session, await(call.hangUp()));
                return ExitCode.SUCCESS;
            }
        }
    }

    private static CallEnd await(java.util.concurrent.CompletionStage<CallEnd> stage) throws InterruptedException, ExecutionException {
        try {
            return stage.toCompletableFuture().get(PhoneSession.REGISTRATION_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new ExecutionException("the call did not end within " + PhoneSession.REGISTRATION_WAIT_SECONDS + " s", e);
        }
    }

    static void report(PhoneSession session, CallEnd end) {
        session.human.println("ended: " + end.cause() + (end.statusCode() == 0 ? "" : " " + end.statusCode()) + " " + end.reason());
    }
}
