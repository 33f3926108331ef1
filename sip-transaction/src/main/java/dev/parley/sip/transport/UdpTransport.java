package dev.parley.sip.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.concurrent.CompletableFuture;

/**
 * SIP over UDP (RFC 3261 §18) on NIO: one non-blocking socket, read and written on the
 * {@link EventLoop} thread. Requests and responses leave from the listening socket, so replies
 * and NAT bindings come back to it (RFC 3261 §18.1.1, RFC 3581). IPv4 or IPv6, by the bind address.
 *
 * <p>Each datagram is handed over in its own array (the parser keeps a view on it). A full
 * socket send buffer drops the datagram, as UDP would, and counts it.
 */
public final class UdpTransport implements ByteTransport, AutoCloseable {

    /** Receives datagrams on the loop thread. */
    @FunctionalInterface
    public interface Handler {
        void onDatagram(byte[] data, Endpoint from);
    }

    private final EventLoop loop;
    private final DatagramChannel channel;
    private final Endpoint local;
    private final ByteBuffer in = ByteBuffer.allocateDirect(65_536);
    private volatile long received;
    private volatile long sendDropped;

    private UdpTransport(EventLoop loop, DatagramChannel channel, Endpoint local) {
        this.loop = loop;
        this.channel = channel;
        this.local = local;
    }

    /**
     * Binds to {@code address} (port 0 for an ephemeral one) and starts reading on {@code loop}.
     * Call from any thread but the loop's.
     */
    public static UdpTransport open(EventLoop loop, InetSocketAddress address, int receiveBufferBytes, Handler handler) {
        try {
            DatagramChannel ch = DatagramChannel.open(address.getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            ch.setOption(java.net.StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
            ch.bind(address);
            InetSocketAddress bound = (InetSocketAddress) ch.getLocalAddress();
            UdpTransport t = new UdpTransport(loop, ch, new Endpoint(TransportKind.UDP, bound));
            CompletableFuture<Void> registered = new CompletableFuture<>();
            boolean queued = loop.execute(() -> {
                try {
                    loop.register(ch, SelectionKey.OP_READ, key -> t.read(handler));
                    registered.complete(null);
                } catch (IOException | RuntimeException e) {
                    registered.completeExceptionally(e);
                }
            });
            if (!queued) {
                ch.close();
                throw new IllegalStateException("event loop is closed or busy");
            }
            Waits.bounded(registered, "UDP socket registration");
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bound address. */
    public Endpoint local() {
        return local;
    }

    private void read(Handler handler) {
        // Bounded: at most 64 datagrams per wake-up, so timers and other sockets get their turn.
        for (int i = 0; i < 64; i++) {
            in.clear();
            InetSocketAddress from;
            try {
                from = (InetSocketAddress) channel.receive(in);
            } catch (IOException e) {
                return;
            }
            if (from == null) {
                return;
            }
            in.flip();
            byte[] data = new byte[in.remaining()];
            in.get(data);
            received++;
            handler.onDatagram(data, new Endpoint(TransportKind.UDP, from));
        }
    }

    /** Sends one datagram from the listening socket. False only when the socket reports an error. */
    @Override
    public boolean send(byte[] message, Endpoint to) {
        try {
            if (channel.send(ByteBuffer.wrap(message), to.address()) == 0) {
                sendDropped++;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public long received() {
        return received;
    }

    /** Datagrams dropped because the socket send buffer was full. */
    public long sendDropped() {
        return sendDropped;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a datagram socket does not fail in a way the caller could act on.
        }
    }
}
