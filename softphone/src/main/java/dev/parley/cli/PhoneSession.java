package dev.parley.cli;

import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.Call;
import dev.parley.ua.DtmfEvent;
import dev.parley.ua.PhoneError;
import dev.parley.ua.PhoneLine;
import dev.parley.ua.PhoneListener;
import dev.parley.ua.RegistrationState;
import dev.parley.ua.RegistrationStatus;
import dev.parley.ua.SoftPhone;
import dev.parley.ua.TransferProgress;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One phone with one line, as the {@code register}, {@code call} and {@code listen} subcommands use
 * it: human-readable progress goes to standard output, or to standard error when standard output
 * carries the JSON events.
 */
final class PhoneSession implements AutoCloseable {

    /** RFC 3261 §17.1.2.2: a non-INVITE transaction gives up after 64×T1 = 32 s; wait a little longer. */
    static final long REGISTRATION_WAIT_SECONDS = 40;

    final SoftPhone phone;
    final PhoneLine line;
    final PrintStream human;
    /** Standard output when it carries the JSON events, else null. */
    private final PrintStream json;
    /** The phone's closing, once begun by the command or by {@link InterruptHook}; guarded by this. */
    private CompletableFuture<Void> closing;
    private final FirstRegistrationOutcome registered = new FirstRegistrationOutcome();
    /** Transfers of our calls by their peers followed at most, per session. */
    static final int MAX_TRANSFERS = TransferReplacements.MAX_TRANSFERS;
    private final TransferReplacements replacements = new TransferReplacements();
    /** The last TLS connection failure the phone reported, or null. */
    private volatile String tlsFailure;

    private PhoneSession(ParsedArgs args, PrintStream out, PrintStream err, Consumer<Call> onIncoming, PhoneListener observer)
            throws UsageException {
        this.human = args.value("events").isPresent() ? err : out;
        this.json = args.value("events").isPresent() ? out : null;
        PhoneListener listener = new PhoneListener() {
            @Override
            public void onRegistrationChanged(PhoneLine l, RegistrationStatus status) {
                registered.offer(status);
            }

            @Override
            public void onError(PhoneError error) {
                if (error.where().startsWith("tls ")) {
                    String text = "tls: connection failed: " + error.message() + TlsOptions.hint(error.message());
                    tlsFailure = text;
                    human.println(text);
                }
            }

            @Override
            public void onIncomingCall(Call call) {
                onIncoming.accept(call);
            }

            @Override
            public void onDtmf(Call call, DtmfEvent event) {
                human.println("dtmf " + event.digit() + " (" + event.durationMillis() + " ms)");
            }

            @Override
            public void onTransferProgress(Call call, TransferProgress progress) {
                human.println("transfer: " + progress.statusCode() + " " + progress.reason());
            }

            @Override
            public void onCallTransferred(Call previous, Call replacement) {
                human.println("transferred by " + previous.remote() + ": calling " + replacement.remote());
                replacements.transferred(previous, replacement);
            }
        };
        this.phone = PhoneOptions.phone(args, new ListenerChain(java.util.List.of(listener, observer)), out, err);
        try {
            this.line = phone.addLine(PhoneOptions.line(args));
        } catch (IllegalArgumentException e) {
            phone.close();
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The call that replaced {@code previous} when its peer transferred us (RFC 3515), or null if
     * none was reported within {@code millis}.
     */
    Call awaitReplacement(Call previous, long millis) {
        return replacements.await(previous, millis);
    }

    /**
     * Opens the session's phone and line, watched by {@code interrupts}: from now until the process
     * ends, Ctrl-C or SIGTERM hangs up and unregisters ({@link #interrupted}).
     */
    static PhoneSession open(InterruptHook interrupts, ParsedArgs args, PrintStream out, PrintStream err, Consumer<Call> onIncoming)
            throws UsageException {
        return open(interrupts, args, out, err, onIncoming, new PhoneListener() { });
    }

    /** As {@link #open(InterruptHook, ParsedArgs, PrintStream, PrintStream, Consumer)}, with {@code observer} told every event after the session. */
    static PhoneSession open(InterruptHook interrupts, ParsedArgs args, PrintStream out, PrintStream err, Consumer<Call> onIncoming,
                             PhoneListener observer) throws UsageException {
        PhoneSession session = new PhoneSession(args, out, err, onIncoming, observer);
        interrupts.watch(session);
        return session;
    }

    /**
     * Where the phone receives SIP, as printed by {@code listen} and {@code conference}: the UDP
     * socket, and the line's TCP or TLS listener when it has one ({@code UDP:127.0.0.1:5080 and
     * TLS:127.0.0.1:5081}); the TLS port is the UDP port + 1 only when that one was free.
     */
    String listeningOn() {
        TransportKind kind = line.config().transport();
        String udp = phone.sipEndpoint().toString();
        return kind == TransportKind.UDP ? udp
                : phone.sipEndpoint(kind).map(stream -> udp + " and " + stream).orElse(udp);
    }

    boolean registers() {
        return line.config().registrationRequired();
    }

    /** Waits for the first registration outcome; true when registered. */
    boolean awaitRegistration() {
        RegistrationStatus status;
        try {
            status = registered.future().get(REGISTRATION_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            human.println("registration: no answer from " + line.config().registrar() + " within "
                    + REGISTRATION_WAIT_SECONDS + " s");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            human.println("registration: " + e.getCause());
            return false;
        }
        if (status.state() == RegistrationState.REGISTERED) {
            human.println("registered " + line.config().addressOfRecord() + " at " + line.config().registrar()
                    + " (" + status.statusCode() + " " + status.reason() + ", expires " + status.expiresSeconds() + " s)");
            return true;
        }
        human.println("registration of " + line.config().addressOfRecord() + " failed: "
                + (status.statusCode() == 0 ? "" : status.statusCode() + " ") + status.reason()
                + (tlsFailure == null ? "" : "; " + tlsFailure));
        return false;
    }

    /**
     * Ctrl-C or SIGTERM ({@link InterruptHook}): says so, then closes the phone — BYE, CANCEL or
     * abandon each outgoing call, 480 for each call ringing here, unregister (see
     * {@link SoftPhone#closeAsync()}) — and waits at most {@code millis} for that to finish.
     */
    void interrupted(long millis) {
        human.println("interrupted: hanging up and unregistering (waiting at most " + millis + " ms for answers)");
        if (json != null) {
            synchronized (json) { // the phone's JsonEventPrinter writes to the same stream
                json.println(JsonLine.event("interrupted", System.currentTimeMillis())
                        .add("exit_status", ExitCode.INTERRUPTED.status()).add("wait_ms", millis));
            }
        }
        boolean closed = Bounded.await(closing(), millis);
        human.println(closed ? "interrupted: phone closed; exiting with " + ExitCode.INTERRUPTED.status()
                : "interrupted: answers still missing after " + millis + " ms; exiting with " + ExitCode.INTERRUPTED.status());
    }

    /** Begins closing the phone, once, whether the command or the interrupt hook asks first. */
    private synchronized CompletableFuture<Void> closing() {
        if (closing == null) {
            closing = phone.closeAsync().toCompletableFuture();
        }
        return closing;
    }

    @Override
    public void close() {
        closing();
        phone.close(); // the same closing, waited for (bounded by 64×T1)
    }
}
