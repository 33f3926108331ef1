package dev.parley.sip.transport;

import dev.parley.sip.message.SipMessage;
import dev.parley.sip.message.SipStreamFramer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * One TCP or TLS connection of a {@link TcpTransport}: a {@link SipStreamFramer} for input, a
 * queue of bytes for output (bounded by the transport) and its flushing as the socket accepts
 * them, the optional {@link TlsSession}, and the time of its last traffic for the idle timeout.
 * Used on the loop thread only.
 */
final class StreamConnection {

    final SocketChannel channel;
    final Endpoint remote;
    final SipStreamFramer framer;
    final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    final TlsSession session;
    final TlsSession.Plaintext plaintext;
    final Consumer<ByteBuffer> records;
    SelectionKey key;
    boolean established;
    int queued;
    long lastActivity;

    /**
     * @param session null for plain TCP
     * @param onPing  answers a CRLF keep-alive ping on this connection
     */
    StreamConnection(SocketChannel channel, Endpoint remote, long now, StreamLimits limits, TlsSession session,
                     StreamHandler handler, Consumer<StreamConnection> onPing) {
        this.channel = channel;
        this.remote = remote;
        this.lastActivity = now;
        this.session = session;
        this.framer = new SipStreamFramer(limits.parser(), new SipStreamFramer.Listener() {
            @Override
            public void onMessage(SipMessage message) {
                handler.onMessage(message, remote);
            }

            @Override
            public void onPing() {
                onPing.accept(StreamConnection.this);
            }
        });
        this.plaintext = (buf, off, len) -> framer.feed(buf, off, len);
        this.records = b -> {
            out.add(b);
            queued += b.remaining();
        };
    }

    /** Whether {@code length} more bytes keep this connection within {@code maxQueuedBytes} waiting. */
    boolean fits(int length, int maxQueuedBytes) {
        int waiting = queued + (session == null ? 0 : session.pendingBytes());
        return waiting + length <= maxQueuedBytes;
    }

    /** Queues {@code data} for sending (through the TLS session, if any) and flushes if connected. */
    void send(byte[] data, long now) throws IOException {
        lastActivity = now;
        if (session == null) {
            out.add(ByteBuffer.wrap(data));
            queued += data.length;
        } else {
            session.send(data, records);
        }
        if (channel.isConnected()) {
            flush();
        }
    }

    /** Writes what the socket takes now; asks for OP_WRITE while bytes remain, drops it when none do. */
    void flush() throws IOException {
        while (!out.isEmpty()) {
            ByteBuffer b = out.peek();
            int before = b.remaining();
            channel.write(b);
            queued -= before - b.remaining();
            if (b.hasRemaining()) {
                key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
                return;
            }
            out.poll();
        }
        if (key.isValid()) {
            key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        }
    }
}
