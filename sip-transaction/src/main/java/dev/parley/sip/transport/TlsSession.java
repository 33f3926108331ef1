package dev.parley.sip.transport;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * One TLS connection's {@link SSLEngine} driven without blocking (RFC 3261 §26.3.1, TLS over a
 * stream): network bytes in, plaintext out to the framer; plaintext in, records out to the socket.
 * Application data written before the handshake completes waits, bounded by the transport.
 * Delegated tasks run inline on the loop thread.
 */
final class TlsSession {

    /** Receives decrypted bytes. */
    interface Plaintext {
        void accept(byte[] buf, int off, int len);
    }

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final int MAX_STEPS = 10_000;

    private final SSLEngine engine;
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private int pendingBytes;
    private boolean closed;
    private boolean handshaken;

    /** A session for a connection to or from {@code remote}; a client checks the server's certificate. */
    static TlsSession open(SSLContext context, InetSocketAddress remote, boolean client) throws SSLException {
        SSLEngine engine = context.createSSLEngine(remote.getAddress().getHostAddress(), remote.getPort());
        engine.setUseClientMode(client);
        if (client) {
            // RFC 5922 §7.2, loosely: the server's certificate must name the address we dialled.
            SSLParameters params = engine.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(params);
        }
        return new TlsSession(engine);
    }

    TlsSession(SSLEngine engine) throws SSLException {
        this.engine = engine;
        this.netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        engine.beginHandshake();
    }

    /** Plaintext bytes waiting for the handshake or for the socket. */
    int pendingBytes() {
        return pendingBytes;
    }

    boolean isClosed() {
        return closed;
    }

    /** Whether this end dialled the connection (and so checks the server's certificate). */
    boolean isClient() {
        return engine.getUseClientMode();
    }

    /** Whether the first handshake has completed (certificates accepted on both sides). */
    boolean isHandshaken() {
        return handshaken;
    }

    /** Feeds bytes read from the socket (read mode); emits plaintext and any records to send. */
    void onNetwork(ByteBuffer src, Plaintext plaintext, Consumer<ByteBuffer> out) throws SSLException {
        if (netIn.remaining() < src.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(netIn.position() + src.remaining() + engine.getSession().getPacketBufferSize());
            netIn.flip();
            bigger.put(netIn);
            netIn = bigger;
        }
        netIn.put(src);
        pump(plaintext, out);
    }

    /** Runs the handshake as far as it can go and decrypts what has arrived. */
    void pump(Plaintext plaintext, Consumer<ByteBuffer> out) throws SSLException {
        for (int step = 0; step < MAX_STEPS && !closed; step++) {
            HandshakeStatus hs = engine.getHandshakeStatus();
            if (hs == HandshakeStatus.NEED_TASK) {
                Runnable task;
                while ((task = engine.getDelegatedTask()) != null) {
                    task.run();
                }
                continue;
            }
            if (hs == HandshakeStatus.NEED_WRAP) {
                wrap(EMPTY, out);
                continue;
            }
            netIn.flip();
            SSLEngineResult r = engine.unwrap(netIn, appIn);
            netIn.compact();
            handshaken |= r.getHandshakeStatus() == HandshakeStatus.FINISHED;
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                ByteBuffer bigger = ByteBuffer.allocate(appIn.capacity() * 2);
                appIn.flip();
                bigger.put(appIn);
                appIn = bigger;
                continue;
            }
            if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                closed = true;
                return;
            }
            if (appIn.position() > 0) {
                plaintext.accept(appIn.array(), 0, appIn.position());
                appIn.clear();
            }
            boolean stalled = r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW
                    || (r.bytesConsumed() == 0 && r.bytesProduced() == 0);
            if (stalled && engine.getHandshakeStatus() != HandshakeStatus.NEED_TASK
                    && engine.getHandshakeStatus() != HandshakeStatus.NEED_WRAP) {
                break;
            }
        }
        flushPending(out);
    }

    /** Queues plaintext; it is encrypted now if the handshake is done, else after it. */
    void send(byte[] data, Consumer<ByteBuffer> out) throws SSLException {
        pending.add(ByteBuffer.wrap(data));
        pendingBytes += data.length;
        flushPending(out);
    }

    private void flushPending(Consumer<ByteBuffer> out) throws SSLException {
        HandshakeStatus hs = engine.getHandshakeStatus();
        if (hs != HandshakeStatus.NOT_HANDSHAKING && hs != HandshakeStatus.FINISHED) {
            return;
        }
        while (!pending.isEmpty() && !closed) {
            ByteBuffer b = pending.peek();
            int before = b.remaining();
            wrap(b, out);
            pendingBytes -= before - b.remaining();
            if (b.hasRemaining()) {
                return;
            }
            pending.poll();
        }
    }

    private void wrap(ByteBuffer src, Consumer<ByteBuffer> out) throws SSLException {
        ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        SSLEngineResult r = engine.wrap(src, net);
        handshaken |= r.getHandshakeStatus() == HandshakeStatus.FINISHED;
        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
            closed = true;
        }
        net.flip();
        if (net.hasRemaining()) {
            out.accept(net);
        }
    }
}
