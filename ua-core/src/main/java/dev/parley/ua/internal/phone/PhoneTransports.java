package dev.parley.ua.internal.phone;

import dev.parley.sip.transaction.TransactionStack;
import dev.parley.sip.transport.ByteTransport;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TcpTransport;
import dev.parley.sip.transport.TransportKind;
import dev.parley.sip.transport.TransportSet;
import dev.parley.ua.PhoneError;
import dev.parley.ua.SipPacket;
import dev.parley.ua.internal.net.DatagramPort;
import dev.parley.ua.internal.net.PhoneRuntime;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;

/**
 * The sockets of one phone (RFC 3261 §18): the UDP socket, opened at once, and the TCP and TLS
 * listeners, opened when a line needs them; sends by the destination's transport and, when SIP
 * tracing is on, reports every message sent or received to the listeners.
 */
final class PhoneTransports implements ByteTransport {

    private final PhoneRuntime runtime;
    private final Events events;
    private final boolean traceSip;
    private final DatagramPort sipPort;
    /** Sends by the destination's transport: UDP always, TCP and TLS once a line needs them. */
    private final TransportSet transports = new TransportSet();
    /** The TCP and TLS listeners (and their connections), opened by {@link #enable}. */
    private final Map<TransportKind, TcpTransport> streams = new ConcurrentHashMap<>();
    /** Serialises {@link #enable} (never held while the SIP thread waits on it). */
    private final Object enabling = new Object();
    /** What receives: set once by {@link #deliverTo}, right after the stack is made over this. */
    private TransactionStack stack;

    PhoneTransports(PhoneRuntime runtime, Events events, Endpoint sipAddress, boolean traceSip) {
        this.runtime = runtime;
        this.events = events;
        this.traceSip = traceSip;
        this.sipPort = runtime.bindSip(sipAddress, (data, length, from) -> {
            if (traceSip) {
                trace(false, from, data, length);
            }
            stack.receiveDatagram(data, 0, length, from);
        });
        transports.with(TransportKind.UDP, (bytes, to) -> sipPort.send(bytes, bytes.length, to));
    }

    /** The stack and the sockets need each other: the stack is made over this, then given here. */
    void deliverTo(TransactionStack receiver) {
        this.stack = receiver;
    }

    @Override
    public boolean send(byte[] bytes, Endpoint to) {
        if (traceSip) {
            trace(true, to, bytes, bytes.length);
        }
        return transports.send(bytes, to);
    }

    /** See {@link PhoneCore#enableTransport}. */
    void enable(TransportKind kind, SSLContext tls) {
        if (kind == TransportKind.UDP) {
            return;
        }
        synchronized (enabling) {
            if (streams.containsKey(kind)) {
                return;
            }
            InetSocketAddress udp = sipPort.local().address();
            int wanted = kind == TransportKind.TLS ? udp.getPort() + 1 : udp.getPort();
            TcpTransport t;
            try {
                t = bindStream(kind, new InetSocketAddress(udp.getAddress(), wanted), tls);
            } catch (RuntimeException taken) {
                t = bindStream(kind, new InetSocketAddress(udp.getAddress(), 0), tls);
            }
            streams.put(kind, t);
            stack.addSentByPort(t.local().address().getPort());
            TcpTransport opened = t;
            runtime.execute(() -> transports.with(kind, opened));
        }
    }

    private TcpTransport bindStream(TransportKind kind, InetSocketAddress at, SSLContext tls) {
        return runtime.bindStream(at, kind == TransportKind.TLS ? tls : null, (message, from) -> {
            if (traceSip) {
                byte[] bytes = message.toBytes();
                trace(false, from, bytes, bytes.length);
            }
            stack.receiveFramed(message, from);
        }, peer -> {
            TcpTransport t = streams.get(kind);
            String why = t == null ? "" : t.lastFailure();
            if (kind == TransportKind.TLS && !why.isEmpty()) {
                // The listener hears why (an untrusted certificate, a name mismatch) before the transactions fail.
                events.fire(l -> l.onError(new PhoneError("tls " + peer.address(), why, null)));
            }
            stack.transportFailed(peer);
        });
    }

    /** Where this phone receives SIP over UDP. */
    Endpoint local() {
        return sipPort.local();
    }

    /** Where this phone listens for {@code kind}: the UDP socket, or the TCP/TLS listener. */
    Endpoint local(TransportKind kind) {
        TcpTransport t = streams.get(kind);
        return t == null ? sipPort.local() : t.local();
    }

    /** The TCP or TLS listener of {@code kind}, or null while no line has opened one. */
    Endpoint listener(TransportKind kind) {
        TcpTransport t = streams.get(kind);
        return t == null ? null : t.local();
    }

    /** Hands a copy of a message to the listeners, on the event thread, in wire order. */
    private void trace(boolean outgoing, Endpoint remote, byte[] data, int length) {
        SipPacket packet = new SipPacket(outgoing, sipPort.local(), remote, Arrays.copyOf(data, length));
        events.fire(l -> l.onSipPacket(packet));
    }

    /** Closes the UDP socket and the TCP/TLS listeners. */
    void close() {
        sipPort.close();
        streams.values().forEach(TcpTransport::close);
        streams.clear();
    }
}
