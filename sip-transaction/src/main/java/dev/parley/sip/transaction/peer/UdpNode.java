package dev.parley.sip.transaction.peer;

import dev.parley.sip.message.ParserLimits;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transaction.TransactionStack;
import dev.parley.sip.transaction.TransactionUser;
import dev.parley.sip.transport.EventLoop;
import dev.parley.sip.transport.UdpTransport;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * A complete UDP SIP node: one {@link EventLoop} thread, one {@link UdpTransport} and one
 * {@link TransactionStack} whose TU is made by the caller once the bound address is known.
 * For tests, interop runs, the load run and the demo.
 *
 * @param <T> the TU type
 */
public final class UdpNode<T extends TransactionUser<SipRequest, SipResponse>> implements AutoCloseable {

    private final EventLoop loop;
    private final UdpTransport udp;
    private final T tu;
    private final TransactionStack stack;

    private UdpNode(EventLoop loop, UdpTransport udp, T tu, TransactionStack stack) {
        this.loop = loop;
        this.udp = udp;
        this.tu = tu;
        this.stack = stack;
    }

    /**
     * Binds {@code address} (port 0: ephemeral) and starts the node.
     *
     * @param tuFactory makes the TU from the loop (its scheduler) and the bound address
     */
    public static <T extends TransactionUser<SipRequest, SipResponse>> UdpNode<T> start(
            String name, InetSocketAddress address, TimerConfig timers, int maxTransactions,
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
        T tu = tuFactory.apply(loop, bound);
        CompletableFuture<UdpNode<T>> node = new CompletableFuture<>();
        loop.execute(() -> {
            TransactionStack stack = new TransactionStack(loop, timers, ParserLimits.DEFAULT, udp, tu, bound,
                    new SplittableRandom(new SecureRandom().nextLong()), maxTransactions);
            ready.complete(stack);
            node.complete(new UdpNode<>(loop, udp, tu, stack));
        });
        return node.join();
    }

    public EventLoop loop() {
        return loop;
    }

    public UdpTransport transport() {
        return udp;
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
        udp.close();
        loop.close();
    }
}
