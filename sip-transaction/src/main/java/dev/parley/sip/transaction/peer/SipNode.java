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
        EventLoop loop = new EventLoop(name, 1, 4 * maxTransactions + 1024, 65_536);
        CompletableFuture<TransactionStack> ready = new CompletableFuture<>();
        UdpTransport udp = UdpTransport.open(loop, address, 4 << 20, (data, from) -> {
            TransactionStack s = ready.getNow(null);
            if (s != null) {
                s.receiveDatagram(data, 0, data.length, from);
            }
        });
        InetSocketAddress bound = udp.local().address();
        java.util.function.Consumer<dev.parley.sip.transport.Endpoint> unreachable = peer -> {
            TransactionStack s = ready.getNow(null);
            if (s != null) {
                s.transportFailed(peer);
            }
        };
        TcpTransport tcp = TcpTransport.open(loop, bound, StreamLimits.DEFAULT, (message, from) -> {
            TransactionStack s = ready.getNow(null);
            if (s != null) {
                s.receiveFramed(message, from);
            }
        }, unreachable);
        StreamHandler framed = (message, from) -> {
            TransactionStack s = ready.getNow(null);
            if (s != null) {
                s.receiveFramed(message, from);
            }
        };
        TcpTransport tls = tlsContext == null ? null
                : TcpTransport.openTls(loop, new InetSocketAddress(bound.getAddress(), 0), StreamLimits.DEFAULT, tlsContext, framed, unreachable);
        TransportSet transports = new TransportSet().with(TransportKind.UDP, udp).with(TransportKind.TCP, tcp);
        if (tls != null) {
            transports.with(TransportKind.TLS, tls);
        }
        T tu = tuFactory.apply(loop, bound);
        CompletableFuture<SipNode<T>> node = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                TransactionStack stack = new TransactionStack(loop, timers, ParserLimits.DEFAULT, transports, tu, bound,
                        new SplittableRandom(new SecureRandom().nextLong()), maxTransactions);
                ready.complete(stack);
                node.complete(new SipNode<>(loop, udp, tcp, tls, tu, stack));
            } catch (RuntimeException | Error e) {
                node.completeExceptionally(e);
            }
        });
        try {
            // Bounded: a loop that cannot start the stack must not hang the caller.
            return node.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            if (tls != null) {
                tls.close();
            }
            tcp.close();
            udp.close();
            loop.close();
            throw new IllegalStateException("node " + name + " did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting node " + name, e);
        }
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
