package dev.parley.sip.transport;

import dev.parley.sip.message.SipParseException;
import dev.parley.sip.message.SipStreamFramer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * SIP over TCP, or over TLS with the JDK {@link SSLEngine} (RFC 3261 §18, §26.3.1), on NIO, on the
 * {@link EventLoop} thread: a listening socket, one
 * {@link SipStreamFramer} per connection, connections reused per remote address in both
 * directions (§18.2.2: responses go back on the connection the request came on), closed after
 * {@link StreamLimits#idleMillis()} without traffic, CRLF keep-alive pings answered with a CRLF
 * pong (RFC 5626 §3.5.1). A connection whose stream cannot be framed is closed (RFC 3261 §18.3).
 */
public final class TcpTransport implements ByteTransport, AutoCloseable {

    private static final byte[] PONG = {'\r', '\n'};

    private final EventLoop loop;
    private final TransportKind kind;
    private final SSLContext tls;
    private final ServerSocketChannel server;
    private final Endpoint local;
    private final StreamLimits limits;
    private final StreamHandler handler;
    private final Consumer<Endpoint> onConnectFailure;
    private final Map<InetSocketAddress, StreamConnection> connections = new HashMap<>();
    private final ByteBuffer in = ByteBuffer.allocate(65_536);
    private long framingErrors;
    private long refused;
    private String lastFailure = "";
    /** The connection being closed because of the error now in {@link #lastFailure}, or null. */
    private StreamConnection failing;

    private TcpTransport(EventLoop loop, TransportKind kind, SSLContext tls, ServerSocketChannel server, Endpoint local,
                         StreamLimits limits, StreamHandler handler, Consumer<Endpoint> onConnectFailure) {
        this.loop = loop;
        this.kind = kind;
        this.tls = tls;
        this.onConnectFailure = onConnectFailure;
        this.server = server;
        this.local = local;
        this.limits = limits;
        this.handler = handler;
    }

    private StreamConnection newConnection(SocketChannel ch, InetSocketAddress remote, boolean client) throws SSLException {
        TlsSession session = tls == null ? null : TlsSession.open(tls, remote, client);
        return new StreamConnection(ch, new Endpoint(kind, remote), loop.now(), limits, session, handler,
                // RFC 5626 §3.5.1: a double-CRLF ping is answered with a single CRLF pong.
                c -> enqueue(c, PONG));
    }

    /** Listens on {@code address} (port 0: ephemeral). Call from any thread but the loop's. */
    public static TcpTransport open(EventLoop loop, InetSocketAddress address, StreamLimits limits, StreamHandler handler) {
        return open(loop, address, limits, null, handler, to -> { });
    }

    /**
     * As {@link #open(EventLoop, InetSocketAddress, StreamLimits, StreamHandler)}; {@code onConnectFailure}
     * hears (on the loop thread) of every outgoing connection that could not be established, so that
     * the transactions waiting on it learn of the transport error (RFC 3261 §17.1.4).
     */
    public static TcpTransport open(EventLoop loop, InetSocketAddress address, StreamLimits limits, StreamHandler handler,
                                    Consumer<Endpoint> onConnectFailure) {
        return open(loop, address, limits, null, handler, onConnectFailure);
    }

    /**
     * Listens for TLS on {@code address} (RFC 3261 §26.3.1; {@code sips:}), using {@code context}
     * for its certificate and to verify the peers it connects to.
     */
    public static TcpTransport openTls(EventLoop loop, InetSocketAddress address, StreamLimits limits, SSLContext context,
                                       StreamHandler handler, Consumer<Endpoint> onConnectFailure) {
        return open(loop, address, limits, java.util.Objects.requireNonNull(context), handler, onConnectFailure);
    }

    private static TcpTransport open(EventLoop loop, InetSocketAddress address, StreamLimits limits, SSLContext context,
                                     StreamHandler handler, Consumer<Endpoint> onConnectFailure) {
        TransportKind kind = context == null ? TransportKind.TCP : TransportKind.TLS;
        try {
            ServerSocketChannel ch = ServerSocketChannel.open(address.getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            ch.bind(address);
            TcpTransport t = new TcpTransport(loop, kind, context, ch, new Endpoint(kind, (InetSocketAddress) ch.getLocalAddress()),
                    limits, handler, onConnectFailure);
            CompletableFuture<Void> ready = new CompletableFuture<>();
            if (!loop.execute(() -> {
                try {
                    loop.register(ch, SelectionKey.OP_ACCEPT, k -> t.accept());
                    t.scheduleIdleSweep();
                    ready.complete(null);
                } catch (IOException | RuntimeException e) {
                    ready.completeExceptionally(e);
                }
            })) {
                ch.close();
                throw new IllegalStateException("event loop is closed or busy");
            }
            Waits.bounded(ready, "TCP listener registration");
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Endpoint local() {
        return local;
    }

    private void accept() {
        SocketChannel ch;
        try {
            while ((ch = server.accept()) != null) {
                if (connections.size() >= limits.maxConnections()) {
                    refused++;
                    ch.close();
                    continue;
                }
                InetSocketAddress remote = (InetSocketAddress) ch.getRemoteAddress();
                StreamConnection c = newConnection(ch, remote, false);
                c.established = true;
                c.key = loop.register(ch, SelectionKey.OP_READ, k -> ready(c));
                connections.put(remote, c);
            }
        } catch (IOException e) {
            // The listening socket stays open; the failed accept is simply lost.
        }
    }

    private void ready(StreamConnection c) {
        try {
            if (c.key.isConnectable() && c.channel.finishConnect()) {
                c.established = true;
                if (c.session != null) {
                    // The client speaks first: the ClientHello, then any request that waited.
                    c.session.pump(c.plaintext, c.records);
                }
                c.key.interestOps(SelectionKey.OP_READ | (c.out.isEmpty() ? 0 : SelectionKey.OP_WRITE));
            }
            if (c.key.isValid() && c.key.isReadable()) {
                read(c);
            }
            if (c.key.isValid() && c.key.isWritable()) {
                c.flush();
            }
        } catch (IOException e) {
            fail(c, e);
        }
    }

    /** Closes {@code c} because of {@code e}, kept as {@link #lastFailure()} (the TLS alert or socket error). */
    private void fail(StreamConnection c, IOException e) {
        failing = c;
        lastFailure = c.remote + ": " + (e.getMessage() != null ? e.getMessage() : e.toString());
        close(c);
        failing = null;
    }

    private void read(StreamConnection c) throws IOException {
        in.clear();
        int n = c.channel.read(in);
        if (n < 0) {
            close(c);
            return;
        }
        c.lastActivity = loop.now();
        try {
            if (c.session == null) {
                c.framer.feed(in.array(), 0, n);
            } else {
                in.flip();
                c.session.onNetwork(in, c.plaintext, c.records);
                if (c.session.isClosed()) {
                    close(c);
                    return;
                }
                c.flush();
            }
        } catch (SipParseException e) {
            // RFC 3261 §18.3: a stream that cannot be framed cannot be resynchronised: close it.
            framingErrors++;
            close(c);
        }
    }

    /** Writes on the connection to {@code to}, opening one if none is open (loop thread only). */
    @Override
    public boolean send(byte[] message, Endpoint to) {
        StreamConnection c = connections.get(to.address());
        if (c == null) {
            if (connections.size() >= limits.maxConnections()) {
                return false;
            }
            try {
                SocketChannel ch = SocketChannel.open(to.address().getAddress() instanceof java.net.Inet6Address
                        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
                ch.configureBlocking(false);
                boolean connected = ch.connect(to.address());
                c = newConnection(ch, to.address(), true);
                StreamConnection conn = c;
                c.established = connected;
                c.key = loop.register(ch, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, k -> ready(conn));
                connections.put(to.address(), c);
            } catch (IOException e) {
                return false;
            }
        }
        return enqueue(c, message);
    }

    private boolean enqueue(StreamConnection c, byte[] data) {
        if (!c.fits(data.length, limits.maxQueuedBytes())) {
            return false;
        }
        try {
            c.send(data, loop.now());
            return true;
        } catch (IOException e) {
            fail(c, e);
            return false;
        }
    }

    private void close(StreamConnection c) {
        boolean removed = connections.remove(c.remote.address(), c);
        // A TLS connection we dialled whose handshake failed (say, an untrusted certificate) was never usable either.
        boolean unusable = !c.established || c.session != null && c.session.isClient() && !c.session.isHandshaken();
        if (removed && unusable) {
            if (failing != c) {
                lastFailure = c.remote + ": connection closed before it was ready (by the peer, idle, or on shutdown)";
            }
            // RFC 3261 §17.1.4: a connection that could not be opened is a transport error.
            onConnectFailure.accept(c.remote);
        }
        if (c.key != null) {
            c.key.cancel();
        }
        try {
            c.channel.close();
        } catch (IOException e) {
            // Already closed by the peer.
        }
    }

    private void scheduleIdleSweep() {
        loop.schedule(Math.max(1, limits.idleMillis() / 4), () -> {
            long now = loop.now();
            List<StreamConnection> idle = new ArrayList<>();
            for (StreamConnection c : connections.values()) {
                if (now - c.lastActivity >= limits.idleMillis()) {
                    idle.add(c);
                }
            }
            idle.forEach(this::close);
            if (server.isOpen()) {
                scheduleIdleSweep();
            }
        });
    }

    /** Open connections (loop thread). */
    public int connectionCount() {
        return connections.size();
    }

    /** Connections closed because their stream could not be framed. */
    public long framingErrors() {
        return framingErrors;
    }

    /**
     * Why the last connection to fail did (loop thread): its peer and the I/O or TLS error, such as
     * a certificate that is not trusted or does not name the address dialled; empty before any.
     */
    public String lastFailure() {
        return lastFailure;
    }

    /** Accepts refused because {@link StreamLimits#maxConnections()} were open. */
    public long refused() {
        return refused;
    }

    /** Closes the listener and every connection (on the loop thread). */
    @Override
    public void close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable closeAll = () -> {
            try {
                new ArrayList<>(connections.values()).forEach(this::close);
                server.close();
            } catch (IOException | RuntimeException e) {
                // Nothing to do: the sockets are gone either way.
            } finally {
                done.complete(null);
            }
        };
        if (loop.inLoop() || !loop.execute(closeAll)) {
            closeAll.run();
        }
        Waits.bounded(done, "TCP close");
    }
}
