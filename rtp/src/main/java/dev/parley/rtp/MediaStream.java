package dev.parley.rtp;

import dev.parley.rtp.internal.PortAllocator;
import dev.parley.rtp.internal.TickSchedule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A thread-safe handle on one {@link RtpSession} running inside a {@link MediaEngine}: its own RTP
 * and RTCP sockets (sent from and received on, RFC 4961 symmetric RTP), paced by its selector
 * thread. Every method may be called from any thread.
 */
public final class MediaStream implements AutoCloseable {

    private final SelectorLoop loop;
    private final PortAllocator ports;
    private final PortAllocator.Pair pair;
    private final RtpSession session;
    private final MediaClock clock;
    private SelectionKey rtpKey;
    private SelectionKey rtcpKey;
    private TickSchedule.Entry<MediaStream> ticks;
    private static final System.Logger LOG = System.getLogger(MediaStream.class.getName());

    private long sendErrors;
    private long applicationErrors;
    private long sendDropped;
    private volatile boolean closed;
    private long rtpReadRound = -2;
    private long rtcpReadRound = -2;

    MediaStream(SelectorLoop loop, PortAllocator ports, PortAllocator.Pair pair, MediaClock clock,
            java.util.random.RandomGenerator random, SessionOptions options, AudioSource source, AudioSink sink,
            SessionListener listener) {
        this.loop = loop;
        this.ports = ports;
        this.pair = pair;
        this.clock = clock;
        this.session = new RtpSession(options.localRtp() == null ? options.withLocalRtp(localRtpAddress(pair)) : options,
                this::send, clock, random, source, sink, listener);
    }

    private static InetSocketAddress localRtpAddress(PortAllocator.Pair pair) {
        try {
            return (InetSocketAddress) pair.rtp().getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** Registers the sockets with the loop; called on the loop thread. */
    void register() throws IOException {
        pair.rtp().configureBlocking(false);
        pair.rtcp().configureBlocking(false);
        rtpKey = loop.register(pair.rtp(), this);
        rtcpKey = loop.register(pair.rtcp(), this);
    }

    /** The local RTP port, to put in the SDP m= line; RTCP is this + 1. */
    public int localRtpPort() {
        return pair.rtpPort();
    }

    public int localRtcpPort() {
        return pair.rtpPort() + 1;
    }

    RtpSession session() {
        return session;
    }

    boolean isRtcpChannel(DatagramChannel channel) {
        return channel == pair.rtcp();
    }

    /**
     * Records that the selector loop reads this stream's RTP or RTCP socket in select round
     * {@code round}; returns whether it also did in the round before (a backlog).
     */
    boolean markReadRound(boolean rtcp, long round) {
        long previous;
        if (rtcp) {
            previous = rtcpReadRound;
            rtcpReadRound = round;
        } else {
            previous = rtpReadRound;
            rtpReadRound = round;
        }
        return previous == round - 1;
    }

    private void send(ByteBuffer packet, InetSocketAddress to, boolean rtcp) {
        try {
            if ((rtcp ? pair.rtcp() : pair.rtp()).send(packet, to) == 0) {
                sendDropped++; // socket buffer full: the frame is dropped, never queued
            }
        } catch (IOException e) {
            sendErrors++;
        }
    }

    void tick(long due) {
        try {
            session.tick(clock.nanoTime());
        } catch (RuntimeException e) {
            applicationError(e);
        }
    }

    /** One datagram from the loop; application callbacks that throw do not reach the loop. */
    void receive(ByteBuffer datagram, InetSocketAddress from, boolean rtcp) {
        try {
            session.receive(datagram, from, rtcp, clock.nanoTime());
        } catch (RuntimeException e) {
            applicationError(e);
        }
    }

    /** An AudioSource, AudioSink or SessionListener threw: count it, log the first one. */
    private void applicationError(RuntimeException e) {
        if (applicationErrors++ == 0) {
            LOG.log(System.Logger.Level.WARNING, "media stream callback failed on port " + pair.rtpPort(), e);
        }
    }

    /**
     * Applies negotiated media (see {@link RtpSession#configure}); the stream starts sending and
     * playing one frame per ptime from the first call.
     */
    public void configure(MediaConfig config) {
        run(() -> {
            session.configure(config);
            if (ticks == null) {
                ticks = loop.schedule(this, config.ptimeNanos());
            } else {
                ticks.period(config.ptimeNanos());
            }
        });
    }

    /** Queues an RFC 4733 event; see {@link RtpSession#sendTelephoneEvent}. */
    public void sendTelephoneEvent(int event, int durationMillis) {
        run(() -> session.sendTelephoneEvent(event, durationMillis));
    }

    /** A snapshot of the session's statistics (waits for the stream's thread). */
    public SessionStatistics statistics() {
        return call(() -> session.statistics());
    }

    /**
     * A snapshot of the session's statistics without waiting: it completes on the stream's thread
     * at its next turn. For reading many streams at once (one turn of the thread serves them all,
     * where {@link #statistics()} one after another waits a turn each).
     */
    public java.util.concurrent.CompletionStage<SessionStatistics> statisticsAsync() {
        return submit(() -> session.statistics());
    }

    EngineStatistics statisticsOnLoop() {
        SessionStatistics st = session.statistics();
        return new EngineStatistics(1, st.packetsSent(), st.packetsReceived(), st.droppedTotal(),
                sendDropped + sendErrors, ticks == null ? 0 : ticks.skipped(), applicationErrors);
    }

    /** Datagrams the stream could not send: socket buffer full, or an I/O error. */
    public long sendFailures() {
        return call(() -> sendDropped + sendErrors);
    }

    /**
     * Sends RTCP BYE, stops the stream's ticks and closes its sockets; when this returns, its ports
     * are free for the next stream.
     */
    @Override
    public void close() {
        if (!closed) {
            call(() -> {
                closeOnLoop();
                loop.flushCancelledKeys();
                return null;
            });
        }
    }

    void closeOnLoop() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close(clock.nanoTime()); // RFC 3550 §6.3.7: BYE
        } finally {
            if (ticks != null) {
                ticks.cancel();
            }
            if (rtpKey != null) {
                rtpKey.cancel();
                rtcpKey.cancel();
            }
            try {
                pair.rtp().close();
                pair.rtcp().close();
            } catch (IOException e) {
                sendErrors++; // the sockets are gone either way
            }
            ports.release(pair.rtpPort());
        }
    }

    public boolean isClosed() {
        return closed;
    }

    private void run(Runnable task) {
        if (loop.inLoop()) {
            task.run();
        } else {
            loop.post(task);
        }
    }

    private <T> T call(java.util.function.Supplier<T> task) {
        if (loop.inLoop()) {
            return task.get();
        }
        try {
            return submit(task).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("media stream task failed", e);
        }
    }

    /** Runs {@code task} on the stream's thread; the future completes there. */
    private <T> CompletableFuture<T> submit(java.util.function.Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        run(() -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
