package dev.parley.sip.transaction.peer;

import dev.parley.sip.message.ParserLimits;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transaction.TransactionStack;
import dev.parley.sip.transaction.TransactionUser;
import dev.parley.sip.transport.EventLoop;
import dev.parley.sip.transport.StreamHandler;
import dev.parley.sip.transport.StreamLimits;
import dev.parley.sip.transport.TcpTransport;
import dev.parley.sip.transport.TransportKind;
import dev.parley.sip.transport.TransportSet;
import dev.parley.sip.transport.UdpTransport;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import javax.net.ssl.SSLContext;

/**
 * A complete SIP node: one {@link EventLoop} thread, a {@link UdpTransport} and a
 * {@link TcpTransport} on the same port, and one {@link TransactionStack} whose TU is made by the
 * caller once the bound address is known. For tests, interop runs, the load run and the demo.
 *
 * @param <T> the TU type
 */
public final class SipNode<T extends TransactionUser<SipRequest, SipResponse>> implements AutoCloseable {

    private final EventLoop loop;
    private final UdpTransport udp;
    private final TcpTransport tcp;
    private final TcpTransport tls;
    private final T tu;
    private final TransactionStack stack;

    private SipNode(EventLoop loop, UdpTransport udp, TcpTransport tcp, TcpTransport tls, T tu, TransactionStack stack) {
        this.loop = loop;
        this.udp = udp;
        this.tcp = tcp;
        this.tls = tls;
        this.tu = tu;
        this.stack = stack;
    }

    /**
     * Binds UDP on {@code address} (port 0: ephemeral), TCP on the same port, and starts the node.
     *
     * @param tuFactory makes the TU from the loop (its scheduler) and the bound address
     */
    public static <T extends TransactionUser<SipRequest, SipResponse>> SipNode<T> start(
            String name, InetSocketAddress address, TimerConfig timers, int maxTransactions,
            BiFunction<EventLoop, InetSocketAddress, T> tuFactory) {
        return start(name, address, timers, maxTransactions, null, tuFactory);
    }

    /**
     * As {@link #start(String, InetSocketAddress, TimerConfig, int, BiFunction)}, plus a TLS
     * listener on an ephemeral port of the same address when {@code tlsContext} is not null.
     */
    public static <T extends TransactionUser<SipRequest, SipResponse>> SipNode<T> start(
            String name, InetSocketAddress address, TimerConfig timers, int maxTransactions, SSLContext tlsContext,
            BiFunction<EventLoop, InetSocketAddress, T> tuFactory) {
        return start(name, address, timers, maxTransactions, tlsContext, 0, (loop, at) -> tuFactory.apply(loop, at.address()));
    }

    /** Where a started node listens: UDP and TCP on {@code address}, TLS on {@code tls} (null without TLS). */
    public record Listening(InetSocketAddress address, InetSocketAddress tls) {
    }

    /** Makes a node's TU once its sockets are bound. */
    @FunctionalInterface
    public interface TuFactory<T> {
        T make(EventLoop loop, Listening at);
    }

    /**
     * As {@link #start(String, InetSocketAddress, TimerConfig, int, SSLContext, BiFunction)}, with
     * the TLS listener on {@code tlsPort} of the same address (0: ephemeral). The TU is told both
     * addresses, and responses to Vias naming the TLS port are the node's (RFC 3261 §18.1.2).
     */
    public static <T extends TransactionUser<SipRequest, SipResponse>> SipNode<T> start(
            String name, InetSocketAddress address, TimerConfig timers, int maxTransactions, SSLContext tlsContext,
            int tlsPort, TuFactory<T> tuFactory) {
        if (tlsPort < 0 || tlsPort > 65_535) {
            throw new IllegalArgumentException("TLS port out of range: " + tlsPort);
        }
        EventLoop loop = new EventLoop(name, 1, 4 * maxTransactions + 1024, 65_536);
        CompletableFuture<TransactionStack> ready = new CompletableFuture<>();
        StreamHandler framed = (message, from) -> {
            TransactionStack s = ready.getNow(null);
            if (s != null) {
                s.receiveFramed(message, from);
            }
        };
        java.util.function.Consumer<dev.parley.sip.transport.Endpoint> unreachable = peer -> {
            TransactionStack s = ready.getNow(null);
            if (s != null) {
                s.transportFailed(peer);
            }
        };
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            UdpTransport udp = UdpTransport.open(loop, address, 4 << 20, (data, from) -> {
                TransactionStack s = ready.getNow(null);
                if (s != null) {
                    s.receiveDatagram(data, 0, data.length, from);
                }
            });
            opened.add(udp);
            InetSocketAddress bound = udp.local().address();
            TcpTransport tcp = TcpTransport.open(loop, bound, StreamLimits.DEFAULT, framed, unreachable);
            opened.add(tcp);
            TcpTransport tls = null;
            if (tlsContext != null) {
                tls = TcpTransport.openTls(loop, new InetSocketAddress(bound.getAddress(), tlsPort), StreamLimits.DEFAULT, tlsContext,
                        framed, unreachable);
                opened.add(tls);
            }
            TransportSet transports = new TransportSet().with(TransportKind.UDP, udp).with(TransportKind.TCP, tcp);
            if (tls != null) {
                transports.with(TransportKind.TLS, tls);
            }
            T tu = tuFactory.make(loop, new Listening(bound, tls == null ? null : tls.local().address()));
            TcpTransport tlsOrNull = tls;
            CompletableFuture<SipNode<T>> node = new CompletableFuture<>();
            if (!loop.execute(() -> {
                try {
                    TransactionStack stack = new TransactionStack(loop, timers, ParserLimits.DEFAULT, transports, tu, bound,
                            new SplittableRandom(new SecureRandom().nextLong()), maxTransactions);
                    if (tlsOrNull != null) {
                        stack.addSentByPort(tlsOrNull.local().address().getPort());
                    }
                    ready.complete(stack);
                    node.complete(new SipNode<>(loop, udp, tcp, tlsOrNull, tu, stack));
                } catch (RuntimeException | Error e) {
                    node.completeExceptionally(e);
                }
            })) {
                throw new IllegalStateException("event loop of node " + name + " refused the start task");
            }
            // Bounded: a loop that cannot start the stack must not hang the caller.
            return node.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            closeAll(opened, loop);
            throw new IllegalStateException("node " + name + " did not start", e);
        } catch (InterruptedException e) {
            closeAll(opened, loop);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting node " + name, e);
        } catch (RuntimeException | Error e) {
            // A failed bind (address in use, no such interface) must not leave the loop thread running.
            closeAll(opened, loop);
            throw e;
        }
    }

    /** Closes what a failed start opened, newest first, then stops the loop thread. */
    private static void closeAll(List<AutoCloseable> opened, EventLoop loop) {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                // Closing is best effort here: the start has already failed for a better reason.
            }
        }
        loop.close();
    }

    public EventLoop loop() {
        return loop;
    }

    public UdpTransport udp() {
        return udp;
    }

    public TcpTransport tcp() {
        return tcp;
    }

    /** The TLS transport, or null when the node was started without a TLS context. */
    public TcpTransport tls() {
        return tls;
    }

    public T tu() {
        return tu;
    }

    /** The stack; use it on the loop thread only ({@link EventLoop#execute}). */
    public TransactionStack stack() {
        return stack;
    }

    public InetSocketAddress address() {
        return udp.local().address();
    }

    @Override
    public void close() {
        if (tls != null) {
            tls.close();
        }
        tcp.close();
        udp.close();
        loop.close();
    }
}
