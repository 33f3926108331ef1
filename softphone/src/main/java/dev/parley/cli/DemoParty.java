package dev.parley.cli;

import dev.parley.codecs.Codecs;
import dev.parley.sip.message.SipMessage;
import dev.parley.sip.message.SipParseException;
import dev.parley.sip.message.SipParser;
import dev.parley.sip.message.SipResponse;
import dev.parley.ua.Call;
import dev.parley.ua.CallState;
import dev.parley.ua.DtmfEvent;
import dev.parley.ua.LineConfig;
import dev.parley.ua.PhoneLine;
import dev.parley.ua.PhoneListener;
import dev.parley.ua.RegistrationStatus;
import dev.parley.ua.SipPacket;
import dev.parley.ua.SoftPhone;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One phone of {@code parley demo} (alice, bob or carol): a {@link SoftPhone} with one line
 * registered at the demo's registrar, its ladder printer, and what the demo checks about it —
 * registration, the calls it was offered (each answered at once, playing this party's tone and
 * listening with a {@link ToneProbe}), the states each call went through, the DTMF digits it
 * received, and the final responses it received per method.
 */
final class DemoParty implements PhoneListener {

    /** DTMF digits remembered at most (the demo sends five). */
    static final int MAX_DIGITS = 64;
    /** Distinct (method, status, Call-ID) final responses remembered at most. */
    static final int MAX_RESPONSES = 64;
    /** Calls offered and not yet taken by the demo, at most; more are rejected 486. */
    static final int MAX_WAITING_CALLS = 4;

    final String name;
    /** The DTMF key whose dual tone this party plays as in-band audio (alice A, bob B, carol C). */
    final char toneKey;
    final SoftPhone phone;
    final PhoneLine line;
    /** Whether this party answers the calls offered to it (false: they ring until the caller gives up). */
    private final boolean answers;
    private final FirstRegistrationOutcome registered = new FirstRegistrationOutcome();
    private final BlockingQueue<Call> offered = new ArrayBlockingQueue<>(MAX_WAITING_CALLS);
    private final StringBuffer digits = new StringBuffer();
    private final Map<String, ToneProbe> probes = new HashMap<>();
    private final Map<String, CompletableFuture<CallState>> stateWaits = new HashMap<>();
    private final Set<String> responses = new LinkedHashSet<>();
    private final TransferReplacements replacements = new TransferReplacements();
    private final SipParser parser = new SipParser();

    /**
     * Starts the phone on 127.0.0.1 (ephemeral SIP and RTP ports) and adds its line, which starts
     * registering through {@code registrar} (also its outbound proxy).
     */
    DemoParty(String name, char toneKey, String password, String registrar, PrintStream ladder,
              Map<String, String> peerNames, long startMillis, boolean answers) {
        this.name = name;
        this.toneKey = toneKey;
        this.answers = answers;
        // Names padded to one width, so that the arrows of the three phones line up.
        LadderPrinter printer = new LadderPrinter(ladder, String.format("%-5s", name), peerNames,
                System::currentTimeMillis, startMillis);
        this.phone = SoftPhone.builder()
                .sipAddress("127.0.0.1", 0)
                .codecs(Codecs.G722, Codecs.PCMU, Codecs.PCMA)
                .userAgent("Parley/0.1 (parley demo)")
                .traceSip(true)
                .listener(new ListenerChain(List.of(printer, this)))
                .build();
        this.line = phone.addLine(LineConfig.builder(name, "127.0.0.1")
                .password(password)
                .registrar(registrar)
                .outboundProxy(registrar)
                .registrationRequired(true)
                .build());
    }

    /** The first registration outcome, or null if none came within {@code millis}. */
    RegistrationStatus awaitRegistration(long millis) {
        return Bounded.get(registered.future(), millis);
    }

    /** Plays this party's tone on {@code call} and listens to it with a new probe. */
    ToneProbe attachMedia(Call call) {
        ToneProbe probe = new ToneProbe();
        synchronized (this) {
            probes.put(call.id(), probe);
        }
        call.audioSource(ToneProbe.source(toneKey));
        call.audioSink(probe);
        return probe;
    }

    /** The probe listening to {@code call}, or null. */
    synchronized ToneProbe probe(Call call) {
        return probes.get(call.id());
    }

    /** The next call offered to this party (already being answered, if it answers), or null after {@code millis}. */
    Call awaitOffered(long millis) {
        try {
            return offered.poll(Math.max(0, millis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Completes when {@code call} has been in {@code state} (at once if it already was). */
    synchronized CompletableFuture<CallState> reached(Call call, CallState state) {
        CompletableFuture<CallState> f = stateWaits.computeIfAbsent(call.id() + " " + state, k -> new CompletableFuture<>());
        if (call.state() == state) {
            f.complete(state);
        }
        return f;
    }

    /** Waits up to {@code millis} for {@code call} to reach {@code state}; true if it did. */
    boolean awaitState(Call call, CallState state, long millis) {
        return Bounded.await(reached(call, state), millis);
    }

    /** The DTMF digits received so far, in order. */
    String digits() {
        return digits.toString();
    }

    /** Whether a final response {@code status} to a {@code method} request reached this phone. */
    synchronized boolean received(String method, int status) {
        String prefix = method + " " + status + " ";
        return responses.stream().anyMatch(r -> r.startsWith(prefix));
    }

    /** Whether a final response {@code status} to a {@code method} request of {@code call} reached this phone. */
    synchronized boolean received(String method, int status, Call call) {
        return responses.contains(method + " " + status + " " + call.id());
    }

    /** The call that replaced {@code previous} when its peer transferred us (RFC 3515), or null after {@code millis}. */
    Call awaitReplacement(Call previous, long millis) {
        return replacements.await(previous, millis);
    }

    @Override
    public void onCallTransferred(Call previous, Call replacement) {
        // The new call to the transfer target plays this party's tone and gets its own probe.
        attachMedia(replacement);
        replacements.transferred(previous, replacement);
    }

    @Override
    public void onRegistrationChanged(PhoneLine l, RegistrationStatus status) {
        registered.offer(status);
    }

    @Override
    public void onIncomingCall(Call call) {
        if (!offered.offer(call)) {
            call.reject(486);
            return;
        }
        if (answers) {
            attachMedia(call);
            call.answer();
        }
    }

    @Override
    public void onCallStateChanged(Call call, CallState state) {
        synchronized (this) {
            stateWaits.computeIfAbsent(call.id() + " " + state, k -> new CompletableFuture<>()).complete(state);
        }
    }

    @Override
    public void onDtmf(Call call, DtmfEvent event) {
        if (digits.length() < MAX_DIGITS) {
            digits.append(event.digit());
        }
    }

    @Override
    public void onSipPacket(SipPacket packet) {
        if (packet.outgoing()) {
            return;
        }
        try {
            SipMessage m = parser.parse(packet.bytes());
            if (m instanceof SipResponse r && r.statusCode() >= 200) {
                synchronized (this) {
                    if (responses.size() < MAX_RESPONSES) {
                        responses.add(r.cseq().method() + " " + r.statusCode() + " " + r.callId());
                    }
                }
            }
        } catch (SipParseException e) {
            // Lenient: the ladder shows a malformed datagram; it answers nothing the demo checks.
        }
    }
}
