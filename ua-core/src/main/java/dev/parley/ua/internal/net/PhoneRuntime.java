package dev.parley.ua.internal.net;

import dev.parley.sip.transaction.Scheduler;
import dev.parley.sip.transport.Endpoint;
import java.util.concurrent.Executor;

/**
 * What a phone runs on: one thread that owns all SIP and media state (its {@link #scheduler()}
 * and {@link #execute} queue), datagram sockets bound on that thread's behalf, and the executor
 * that delivers listener events. Two implementations: real sockets with threads, and an in-memory
 * network in virtual time (no threads at all) for tests and demos.
 */
public interface PhoneRuntime extends AutoCloseable {

    /** Timers of the SIP thread; call only on that thread. */
    Scheduler scheduler();

    /** Runs {@code task} on the SIP thread (at once if already on it and allowed); from any thread. */
    void execute(Runnable task);

    /** Where listener events run. */
    Executor events();

    /** Binds a SIP datagram socket. */
    DatagramPort bindSip(Endpoint local, DatagramPort.Handler handler);

    /**
     * Listens for SIP over TCP, or over TLS when {@code tls} is given (RFC 3261 §18, §26), on the
     * SIP thread; {@code handler} gets each framed message and {@code connectFailed} each outgoing
     * connection that could not be made (both on the SIP thread). Call from outside the SIP thread.
     *
     * @throws UnsupportedOperationException where there are no stream sockets (the in-memory runtime)
     */
    dev.parley.sip.transport.TcpTransport bindStream(java.net.InetSocketAddress local, javax.net.ssl.SSLContext tls,
                                                     dev.parley.sip.transport.StreamHandler handler,
                                                     java.util.function.Consumer<Endpoint> connectFailed);

    /**
     * Opens the media of one call on an even RTP port (RFC 3550 §11) of the configured range.
     * {@code source}, {@code sink} and {@code listener} are called on a media thread (the SIP
     * thread for the in-memory runtime).
     *
     * @throws IllegalStateException when no port is free
     */
    MediaLeg openMedia(String cname, dev.parley.rtp.AudioSource source, dev.parley.rtp.AudioSink sink,
                       dev.parley.rtp.SessionListener listener);

    /** Stops the threads (if any) after pending events; ports must have been closed by their owners. */
    @Override
    void close();
}
