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
     * Binds an RTP socket on {@code address} at a port in [minPort, maxPort] (even ports only,
     * RFC 3550 §11), or throws {@link IllegalStateException} when the range is exhausted.
     */
    DatagramPort bindMedia(String address, int minPort, int maxPort, DatagramPort.Handler handler);

    /** Stops the threads (if any) after pending events; ports must have been closed by their owners. */
    @Override
    void close();
}
