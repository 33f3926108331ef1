package dev.parley.ua;

import dev.parley.codecs.AudioCodec;
import dev.parley.codecs.Codecs;
import dev.parley.sip.transaction.Scheduler;
import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.InMemoryNetwork;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.internal.net.PhoneRuntime;
import dev.parley.ua.internal.phone.Events;
import dev.parley.ua.internal.phone.LineImpl;
import dev.parley.ua.internal.phone.PhoneCore;
import dev.parley.ua.internal.phone.PhoneSettings;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;

/**
 * A SIP phone: one SIP socket (UDP; plus a TCP or TLS listener once a line with that
 * {@link LineConfig#transport() transport} is added), any number of {@link PhoneLine lines}
 * (accounts), their calls and media. Build one with {@link #builder()}; {@link #close()} unregisters every line, ends every
 * call and frees every port and thread.
 *
 * <pre>{@code
 * SoftPhone phone = SoftPhone.builder()
 *         .listener(new PhoneListener() {
 *             public void onIncomingCall(Call call) { call.answer(); }
 *         })
 *         .build();
 * PhoneLine line = phone.addLine(LineConfig.builder("alice", "example.com").password("secret").build());
 * }</pre>
 *
 * <p><b>Threads.</b> A phone owns one SIP thread, which runs every SIP transaction, dialog, timer
 * and the 20 ms media ticks, and one event thread, which runs every {@link PhoneListener} method
 * and completes every {@link CompletionStage} the API returns. All public methods are thread-safe
 * and never block on the network.
 */
public final class SoftPhone implements AutoCloseable {

    private final PhoneRuntime runtime;
    private final PhoneCore core;
    private final SSLContext tlsContext;
    /** Conferences not closed yet; closing the phone closes them (completing their local sinks). */
    private final List<Conference> conferences = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final PhoneShutdown shutdown;

    private SoftPhone(PhoneRuntime runtime, PhoneCore core, SSLContext tlsContext) {
        this.runtime = runtime;
        this.core = core;
        this.tlsContext = tlsContext;
        this.shutdown = new PhoneShutdown(runtime, core);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where this phone receives SIP over UDP (useful with port 0); TCP listens on the same port number. */
    public Endpoint sipEndpoint() {
        return core.localEndpoint();
    }

    /**
     * Where this phone receives SIP over {@code kind}: the UDP socket, or the TCP or TLS listener
     * that the first line of that transport opened (TLS on the UDP port + 1 when it was free, else
     * an ephemeral port); empty while no line uses {@code kind}.
     */
    public Optional<Endpoint> sipEndpoint(TransportKind kind) {
        return Optional.ofNullable(core.listenerOrNull(kind));
    }

    /**
     * Adds an account. If its configuration says registration is required, the line starts
     * registering at once; watch {@link PhoneListener#onRegistrationChanged}.
     *
     * <p>A line over TCP or TLS makes the phone listen on that transport first (blocking briefly;
     * call this from the application's thread, not from a listener on a phone without threads).
     *
     * @throws IllegalArgumentException if the registrar or outbound proxy cannot be resolved, or the
     *                                  line's transport cannot be opened (a phone on the in-memory network has
     *                                  UDP only)
     */
    public PhoneLine addLine(LineConfig config) {
        if (shutdown.started()) {
            throw new IllegalStateException("phone is closed");
        }
        try {
            core.enableTransport(config.transport(), config.transport() == TransportKind.TLS ? tlsContext : null);
        } catch (UnsupportedOperationException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("cannot listen for " + config.transport() + ": " + e.getMessage(), e);
        }
        LineImpl line;
        try {
            line = new LineImpl(core, config);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the registrar or proxy of " + config.addressOfRecord(), e);
        }
        runtime.execute(() -> {
            core.addLine(line);
            if (config.registrationRequired()) {
                line.register();
            }
        });
        return line;
    }

    public List<PhoneLine> lines() {
        return List.copyOf(core.lines());
    }

    /** Every call that has not ended, on every line. */
    public List<Call> calls() {
        return List.copyOf(core.calls());
    }

    /**
     * A new, empty {@link Conference} of this phone's calls, mixing at 16000 Hz. Closing the phone
     * closes it.
     */
    public Conference newConference() {
        return newConference(16_000);
    }

    /**
     * A new, empty {@link Conference} mixing at {@code sampleRate}: 16000 Hz keeps wideband (G.722)
     * legs wideband; 8000 Hz is enough when every leg is narrowband (PCMU/PCMA).
     *
     * @throws IllegalArgumentException if the rate is not 8000 or 16000
     */
    public Conference newConference(int sampleRate) {
        if (shutdown.started()) {
            throw new IllegalStateException("phone is closed");
        }
        dev.parley.ua.internal.phone.ConferenceImpl conference =
                new dev.parley.ua.internal.phone.ConferenceImpl(core, sampleRate, conferences::remove);
        conferences.add(conference);
        return conference;
    }

    /**
     * Ends every call — BYE when confirmed, CANCEL for an outgoing call not yet answered (sent once
     * a provisional response has come, RFC 3261 §9.1), 480 Temporarily Unavailable for an incoming
     * call still ringing — unregisters every registered line, then frees the SIP and RTP sockets and stops the
     * phone's threads. Completes when all that is done (at most 64×T1 after the call,
     * when a registrar does not answer).
     */
    public CompletionStage<Void> closeAsync() {
        return shutdown.begin(conferences);
    }

    /**
     * {@link #closeAsync()} and, for a phone on real sockets, waits for it (bounded by 64×T1). A
     * phone on an in-memory network only starts closing: advance its virtual time to finish.
     */
    @Override
    public void close() {
        shutdown.await(closeAsync());
    }

    /** Builds a {@link SoftPhone}. */
    public static final class Builder {
        private PhoneListener listener = new PhoneListener() { };
        private String userAgent = "Parley/0.1";
        private TimerConfig timers = TimerConfig.DEFAULT;
        private List<AudioCodec> codecs = Codecs.all();
        private int rtpMin = 16384;
        private int rtpMax = 32766;
        private int maxCalls = 32;
        private boolean traceSip;
        private boolean telephoneEvent = true;
        private int maxRedirects = 5;
        private java.time.Duration ringTimeout = java.time.Duration.ofSeconds(180);
        private RandomGenerator random;
        private String sipHost = "127.0.0.1";
        private int sipPort = 5060;
        private InMemoryNetwork<byte[]> sipNetwork;
        private InMemoryNetwork<byte[]> mediaNetwork;
        private Scheduler scheduler;
        private SSLContext tlsContext;

        private Builder() {
        }

        /** Who hears about registrations, calls and errors (on the phone's event thread). */
        public Builder listener(PhoneListener value) {
            this.listener = Objects.requireNonNull(value);
            return this;
        }

        /** The User-Agent (and Server) header value. */
        public Builder userAgent(String value) {
            this.userAgent = Objects.requireNonNull(value);
            return this;
        }

        /** SIP timers T1, T2, T4… (RFC 3261 Table 4). */
        public Builder timers(TimerConfig value) {
            this.timers = Objects.requireNonNull(value);
            return this;
        }

        /** Audio codecs in order of preference (default G.722, PCMU, PCMA). */
        public Builder codecs(AudioCodec... value) {
            this.codecs = List.of(value);
            return this;
        }

        /** The range RTP ports are taken from (even ports, RFC 3550 §11). */
        public Builder rtpPorts(int min, int max) {
            this.rtpMin = min;
            this.rtpMax = max;
            return this;
        }

        /**
         * Whether our SDP offers RFC 4733 telephone-event (default true). Without it on either side,
         * {@link Call#sendDtmf} sends SIP INFO {@code application/dtmf-relay} instead.
         */
        public Builder telephoneEvent(boolean value) {
            this.telephoneEvent = value;
            return this;
        }

        /**
         * How many times one outgoing call follows a 3xx redirection to the Contacts it names
         * (RFC 3261 §8.1.3.4), default 5, at most 31; 0 never follows. Past the bound the call
         * ends with {@link EndCause#TOO_MANY_REDIRECTS}.
         */
        public Builder maxRedirects(int value) {
            this.maxRedirects = value;
            return this;
        }

        /**
         * How long an outgoing call may ring unanswered (default 180 s, like the "no answer"
         * timeout of softphone SDKs; {@link java.time.Duration#ZERO} for no limit). The INVITE
         * carries it as Expires (RFC 3261 §13.2.1); when it passes, the call is cancelled (CANCEL,
         * RFC 3261 §9.1) and ends with {@link EndCause#NO_ANSWER}. Each redirect target gets its own.
         */
        public Builder ringTimeout(java.time.Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("ring timeout " + value);
            }
            this.ringTimeout = value;
            return this;
        }

        /** Bound on simultaneous calls; further INVITEs are answered 486 Busy Here. */
        public Builder maxCalls(int value) {
            this.maxCalls = value;
            return this;
        }

        /** Source of tags, Call-IDs, branches, SSRCs and nonces (default: a SecureRandom). */
        public Builder random(RandomGenerator value) {
            this.random = Objects.requireNonNull(value);
            return this;
        }

        /**
         * The IP address and port the SIP socket binds to (default 127.0.0.1:5060; port 0 = an
         * ephemeral port, see {@link SoftPhone#sipEndpoint()}). RTP binds to the same address.
         */
        public Builder sipAddress(String ipLiteral, int port) {
            this.sipHost = Objects.requireNonNull(ipLiteral);
            this.sipPort = port;
            return this;
        }

        /**
         * Runs the phone on in-memory networks instead of sockets, driven by {@code scheduler} (a
         * {@code VirtualTime} in tests): no threads; everything, listener calls included, runs on
         * the thread that drives the scheduler. SIP and RTP get separate networks so that either
         * can be impaired alone.
         */
        public Builder inMemory(InMemoryNetwork<byte[]> sip, InMemoryNetwork<byte[]> media, Scheduler driver) {
            this.sipNetwork = Objects.requireNonNull(sip);
            this.mediaNetwork = Objects.requireNonNull(media);
            this.scheduler = Objects.requireNonNull(driver);
            return this;
        }

        /**
         * Reports every SIP datagram this phone sends or receives to
         * {@link PhoneListener#onSipPacket} (default off: each one costs a copy and an event).
         */
        public Builder traceSip(boolean value) {
            this.traceSip = value;
            return this;
        }

        /**
         * The TLS context of lines with transport TLS (RFC 3261 §26.2): its trust managers decide
         * which servers we accept, its key managers (if any) give the certificate we present when
         * a peer connects to us. Default: the JDK's default context (its default trust store, no
         * certificate of our own, so incoming TLS connections cannot be accepted).
         */
        public Builder tlsContext(SSLContext value) {
            this.tlsContext = Objects.requireNonNull(value);
            return this;
        }

        public SoftPhone build() {
            PhoneSettings settings = new PhoneSettings(userAgent, timers, codecs, rtpMin, rtpMax, maxCalls,
                    telephoneEvent, random != null ? random : new SecureRandom(), maxRedirects,
                    ringTimeout.toMillis());
            PhoneRuntime runtime = PhoneWiring.runtime(sipNetwork, mediaNetwork, scheduler, sipHost, rtpMin, rtpMax,
                    settings.random());
            Events events = new Events(listener, runtime.events());
            try {
                PhoneCore core = new PhoneCore(runtime, settings, events, Endpoint.of(TransportKind.UDP, sipHost, sipPort),
                        traceSip);
                return new SoftPhone(runtime, core, tlsContext != null ? tlsContext : PhoneWiring.defaultTls());
            } catch (RuntimeException e) {
                runtime.close(); // e.g. the SIP port is taken: leave no thread behind
                throw e;
            }
        }
    }
}
