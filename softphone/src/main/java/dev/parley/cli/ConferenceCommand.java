package dev.parley.cli;

import dev.parley.ua.AudioSinks;
import dev.parley.ua.AudioSources;
import dev.parley.ua.Call;
import dev.parley.ua.Conference;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code parley conference}: a host phone that calls each {@code --call URI} and/or answers incoming
 * calls ({@code --answer}) and joins every established call into one local {@link Conference}
 * (N−1 mixing on this phone; the participants see ordinary two-party calls).
 */
final class ConferenceCommand implements Subcommand {

    static final int DEFAULT_MAX_PARTICIPANTS = 8;
    static final int DEFAULT_DURATION_SECONDS = 60;
    /** How long the hang-ups at the end may take: a BYE's transaction ends within 64×T1 = 32 s (RFC 3261 §17.1.2.2). */
    private static final long HANG_UP_WAIT_MILLIS = PhoneSession.REGISTRATION_WAIT_SECONDS * 1000;

    private final ArgParser parser = new ArgParser("conference", PhoneOptions.with(
            OptionSpec.repeatable("call", "URI", "call URI and join it to the conference (repeatable)"),
            OptionSpec.flag("answer", "answer incoming calls and join them to the conference"),
            OptionSpec.value("max-participants", "N", "participants at most, calling and answered (default "
                    + DEFAULT_MAX_PARTICIPANTS + ", at most " + Conference.MAX_PARTICIPANTS + "); more callers get 486"),
            OptionSpec.value("play", "FILE.wav", "what the host says to the room: this WAV file (16-bit PCM), in a loop"),
            OptionSpec.value("record", "FILE.wav", "record what the host hears, the mix of every participant (16 kHz WAV)"),
            OptionSpec.value("duration", "SECONDS", "hang everyone up after this long (default " + DEFAULT_DURATION_SECONDS + ")")));

    private final InterruptHook interrupts;

    /** @param interrupts what Ctrl-C and SIGTERM do to the command's phone */
    ConferenceCommand(InterruptHook interrupts) {
        this.interrupts = interrupts;
    }

    @Override
    public String name() {
        return "conference";
    }

    @Override
    public String summary() {
        return "host a conference: call and/or answer, mix everyone together";
    }

    @Override
    public String help() {
        return parser.help("--user NAME [--call URI]... [--answer] [options]", """
                Hosts a conference on this phone (registering at --registrar when given): calls each
                --call URI and, with --answer, answers incoming calls, up to --max-participants in
                all; every established call joins one mixer, so each participant hears everyone
                else and the host (N-1 mixing). The participants see ordinary two-party calls. The
                host plays --play to the room (silence without it) and records what it hears,
                the mix of all participants, with --record. Prints "joined" and "left" lines (with
                --events json, joined and left events). When a participant transfers the host
                (REFER), the call to the transfer target takes the participant's place.
                Ends after --duration seconds, or once every participant has left after at least
                one joined; then hangs everyone up (BYE), cancels calls still ringing (CANCEL) and
                abandons at once calls that never got any response (no CANCEL may go before one).
                Exit status: 0 at least one participant joined and every --call was answered, 4 no
                one joined or a --call failed (rejected, unanswered), 3 registration failed,
                5 --play or --record could not be opened, 2 usage error.""" + "\n" + InterruptHook.HELP);
    }

    @Override
    public ExitCode run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
        ParsedArgs parsed = parser.parse(args);
        if (!parsed.positional().isEmpty()) {
            throw new UsageException("parley conference: give each participant with --call URI, not " + parsed.positional());
        }
        List<String> targets = parsed.all("call");
        if (targets.isEmpty() && !parsed.has("answer")) {
            throw new UsageException("parley conference: nobody to talk to; add --call URI (repeatable) and/or --answer");
        }
        int max = parsed.intValue("max-participants", DEFAULT_MAX_PARTICIPANTS, 1, Conference.MAX_PARTICIPANTS);
        if (targets.size() > max) {
            throw new UsageException("parley conference: " + targets.size() + " --call options but --max-participants is " + max);
        }
        int duration = parsed.intValue("duration", DEFAULT_DURATION_SECONDS, 1, 86_400);
        CallMedia.checkFiles(parsed);
        PrintStream human = parsed.value("events").isPresent() ? err : out; // as PhoneSession prints
        ConferenceRoom room = new ConferenceRoom(max,
                new ConferenceEvents(human, parsed.value("events").isPresent() ? out : null, System::currentTimeMillis));
        boolean answer = parsed.has("answer");
        try (PhoneSession session = PhoneSession.open(interrupts, parsed, out, err, incoming -> admitIncoming(incoming, room, answer), room)) {
            Conference conference = session.phone.newConference();
            try {
                hostMedia(conference, parsed);
            } catch (IOException | IllegalArgumentException e) {
                err.println("parley conference: " + e.getMessage());
                return ExitCode.IO_ERROR;
            }
            List<Call> calls = new ArrayList<>();
            for (String target : targets) {
                try {
                    calls.add(session.line.newCall(target));
                } catch (RuntimeException e) { // the URI does not parse (RFC 3261 §19.1.1)
                    throw new UsageException("parley conference: --call " + target + " is not a SIP URI: " + e.getMessage());
                }
            }
            room.open(conference);
            calls.forEach(room::admit); // never refused: at most max --call options, admitted before any incoming call
            session.human.println("conference on " + session.listeningOn() + " as " + session.line.config().addressOfRecord()
                    + " (at most " + max + " participants)");
            if (session.registers() && !session.awaitRegistration()) {
                return ExitCode.REGISTRATION_FAILED;
            }
            for (Call call : calls) {
                session.human.println("calling " + call.remote().uri());
                call.start(); // joins when CONNECTED; a failure is reported when the call ends
            }
            boolean everyoneLeft = Bounded.await(room.emptied(), duration * 1000L);
            session.human.println(everyoneLeft ? "everyone left" : "duration over; hanging up");
            boolean clean = hangUpAll(room);
            conference.close();
            session.human.println(room.joinedEver() + (room.joinedEver() == 1 ? " participant" : " participants") + " joined");
            return room.joinedEver() > 0 && room.failedOutgoing() == 0 && clean ? ExitCode.SUCCESS : ExitCode.CALL_FAILED;
        }
    }

    /** Runs on the phone's event thread: answers when --answer and there is room, else 486 Busy Here. */
    private static void admitIncoming(Call call, ConferenceRoom room, boolean answer) {
        if (answer && room.admit(call)) {
            call.answer(); // joins when CONNECTED; a call that ends unanswered is simply not joined
        } else {
            call.reject(486); // RFC 3261 §21.4.24: busy at this end
        }
    }

    private static void hostMedia(Conference conference, ParsedArgs parsed) throws IOException {
        if (parsed.value("play").isPresent()) {
            conference.audioSource(AudioSources.wavFile(Path.of(parsed.value("play").get()), true));
        }
        if (parsed.value("record").isPresent()) {
            conference.audioSink(AudioSinks.wavFile(Path.of(parsed.value("record").get()), CallMedia.RECORD_RATE));
        }
    }

    /**
     * Hangs up (BYE) or cancels (CANCEL) every call still up and waits, bounded, until each has
     * ended and its "left" line is printed; calls that never got any response are abandoned at
     * once instead of waiting for their INVITE to time out (32 s). True if all ended in time.
     */
    private static boolean hangUpAll(ConferenceRoom room) {
        room.live().forEach(Call::hangUp); // a CANCEL waits for a provisional response (RFC 3261 §9.1)
        try {
            boolean settled = room.awaitOnlyUnanswered(HANG_UP_WAIT_MILLIS);
            room.abandonUnanswered(); // the phone's closing ends them
            return settled;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
