package dev.parley.cli.registrar;

import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transaction.peer.SipNode;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A running registrar and proxy on real sockets: a {@link SipNode} (UDP and TCP on one port, TLS
 * on another when asked, one event loop thread) whose transaction user is a {@link RegistrarServer}. For {@code parley
 * registrar} and for embedding (the demo).
 */
public final class RegistrarNode implements AutoCloseable {

    /** Open transactions at most (server and client); beyond it new requests get 503. */
    public static final int MAX_TRANSACTIONS = 10_000;

    private final SipNode<RegistrarServer> node;

    private RegistrarNode(SipNode<RegistrarServer> node) {
        this.node = node;
    }

    /**
     * Binds {@code address} (an IP literal; port 0 picks a free port) and starts serving.
     *
     * @throws java.io.UncheckedIOException when the port cannot be bound
     */
    public static RegistrarNode start(InetSocketAddress address, RegistrarConfig config, UsersFile users,
                                      RegistrarListener listener) {
        return start(address, null, 0, config, users, listener);
    }

    /**
     * As {@link #start(InetSocketAddress, RegistrarConfig, UsersFile, RegistrarListener)}, plus a
     * TLS listener (RFC 3261 §26.3.1) on {@code tlsPort} of the same address (0: a free port) when
     * {@code tls} is not null. {@code tls} holds the registrar's certificate (for the phones that
     * connect to it) and decides which phones' certificates it trusts when it connects to them.
     */
    public static RegistrarNode start(InetSocketAddress address, SSLContext tls, int tlsPort, RegistrarConfig config,
                                      UsersFile users, RegistrarListener listener) {
        if (address.getAddress() == null || address.getAddress().isAnyLocalAddress()) {
            throw new IllegalArgumentException("bind a concrete address, not a wildcard: it is written in Via and Record-Route");
        }
        SipNode<RegistrarServer> node = SipNode.start("parley-registrar", address, TimerConfig.DEFAULT, MAX_TRANSACTIONS,
                tls, tlsPort,
                // RFC 7616 §5.4: nonces must be unpredictable, and tags reveal generator output: SecureRandom.
                (loop, at) -> new RegistrarServer(loop, at.address(), at.tls() == null ? -1 : at.tls().getPort(), config, users,
                        new SecureRandom(), listener));
        node.loop().execute(() -> node.tu().attach(node.stack()));
        return new RegistrarNode(node);
    }

    /** The bound address (with the real port when 0 was asked). */
    public InetSocketAddress address() {
        return node.address();
    }

    /** The TLS listener's address, or null when the registrar was started without TLS. */
    public InetSocketAddress tlsAddress() {
        return node.tls() == null ? null : node.tls().local().address();
    }

    /** Runs {@code query} on the server's thread and returns its result (e.g. the bindings of a user). */
    public <T> T query(Function<RegistrarServer, T> query) {
        CompletableFuture<T> result = new CompletableFuture<>();
        boolean queued = node.loop().execute(() -> {
            try {
                result.complete(query.apply(node.tu()));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        if (!queued) {
            throw new IllegalStateException("registrar stopped or overloaded");
        }
        return result.join();
    }

    /** The current bindings of {@code user}. */
    public List<Binding> bindings(String user) {
        return query(s -> s.bindings(user));
    }

    @Override
    public void close() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        if (node.loop().execute(() -> {
            node.tu().close();
            stopped.complete(null);
        })) {
            stopped.join();
        }
        node.close();
    }
}
