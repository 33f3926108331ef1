package dev.parley.bench.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * A light traffic source for the load run: N RTP streams of 20 ms PCMU from ONE socket to N ports
 * of the engine under test, and a count of what comes back, per stream. It is what a media server
 * load test puts in front of the server (SIPp's RTP, a hardware tester): it neither decodes nor
 * keeps a jitter buffer, so the cores it leaves go to the engine being measured.
 *
 * <p>One thread and a non-blocking socket. Stream i is due at {@code start + i × 20 ms / N + k × 20 ms}
 * (spread evenly over each 20 ms, as independent calls are); every millisecond the thread sends
 * what is due, then reads everything that came back, counting the echo streams' RTP by SSRC and
 * their RTCP (multiplexed on the same port, RFC 5761 §4) apart, then parks until the next
 * millisecond. A thread blocked in {@code receive} would be woken for every packet, which on a
 * virtual machine costs more than the packet itself.
 */
final class RtpGenerator implements TrafficSource {

    private static final long PERIOD_NANOS = 20_000_000L;
    private static final int PAYLOAD = 160;
    private static final int HEADER = 12;

    private final DatagramChannel channel;
    private final InetSocketAddress[] targets;
    private final byte[] payload;
    private final long[] sent;
    private volatile long sentSoFar;
    private volatile long received;
    private volatile long rtcpReceived;
    private volatile long unknown;
    private int[] ssrcs = new int[0];
    private int[] ssrcIndex = new int[0];
    private final long[] receivedPerStream;
    private static final long BATCH_NANOS = 1_000_000L;

    private final Thread thread;
    private volatile boolean sending = true;
    private volatile boolean running = true;

    /**
     * @param bind where the generator's socket is bound (port 0 for an ephemeral one)
     * @param targets the engine's RTP address of each stream
     * @param payload one 160-byte PCMU frame, sent in every packet
     */
    RtpGenerator(InetSocketAddress bind, InetSocketAddress[] targets, byte[] payload) throws IOException {
        if (payload.length != PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes");
        }
        // An IPv4 socket for an IPv4 address, as the engine's (a dual-stack one costs more per datagram).
        this.channel = bind.getAddress() instanceof java.net.Inet4Address && !bind.getAddress().isAnyLocalAddress()
                ? DatagramChannel.open(java.net.StandardProtocolFamily.INET) : DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 8 << 20);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, 8 << 20);
        channel.bind(bind);
        this.targets = targets.clone();
        this.payload = payload.clone();
        this.sent = new long[targets.length];
        this.receivedPerStream = new long[targets.length];
        channel.configureBlocking(false);
        this.thread = new Thread(this::run, "generator");
        thread.setDaemon(true);
        // Only with -XX:ThreadPriorityPolicy=1 (as root) does this reach the OS (nice -5 on Linux):
        // the traffic source then gets the CPU before the engine under test, so a shortfall shows
        // in the engine's figures (ticks skipped) rather than as packets the generator failed to read.
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** The SSRC of the generator's stream {@code i}. */
    static int ssrcOf(int i) {
        return 0x10000 + i;
    }

    @Override
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /** The echo streams' SSRCs, stream by stream, so their packets can be counted per stream. */
    @Override
    public void echoSsrcs(int[] echoSsrc) {
        int[] sorted = echoSsrc.clone();
        int[] index = new int[sorted.length];
        Integer[] order = new Integer[sorted.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Integer.compare(echoSsrc[x], echoSsrc[y]));
        for (int i = 0; i < order.length; i++) {
            sorted[i] = echoSsrc[order[i]];
            index[i] = order[i];
        }
        this.ssrcs = sorted;
        this.ssrcIndex = index;
    }

    @Override
    public void start() {
        thread.start();
    }

    /** Stops sending (what comes back is still counted until {@link #close}). */
    @Override
    public void stopSending() {
        sending = false;
    }

    /** Packets sent so far (read while sending, for the rate). */
    @Override
    public long sent() {
        return sentSoFar;
    }

    @Override
    public long received() {
        return received;
    }

    long rtcpReceived() {
        return rtcpReceived;
    }

    /** RTP packets whose SSRC is none of the echo streams'. */
    long unknown() {
        return unknown;
    }

    /** Streams that got nothing back at all (0 in a healthy run); after {@link #close}. */
    @Override
    public int silentStreams() {
        int silent = 0;
        for (long n : receivedPerStream) {
            if (n == 0) {
                silent++;
            }
        }
        return silent;
    }

    /** Streams the sender never reached (0 in a healthy run); after {@link #stopSending}. */
    int unsentStreams() {
        int unsent = 0;
        for (long n : sent) {
            if (n == 0) {
                unsent++;
            }
        }
        return unsent;
    }

    private void run() {
        int n = targets.length;
        ByteBuffer packet = ByteBuffer.allocateDirect(HEADER + PAYLOAD);
        ByteBuffer in = ByteBuffer.allocateDirect(2048);
        int[] sequence = new int[n];
        int[] timestamp = new int[n];
        long start = System.nanoTime() + PERIOD_NANOS;
        long[] due = new long[n];
        for (int i = 0; i < n; i++) {
            due[i] = start + i * PERIOD_NANOS / n;
            sequence[i] = i * 7919 & 0xFFFF;
            timestamp[i] = i * 104_729;
        }
        int next = 0; // streams are due in index order, round after round
        try {
            while (running) {
                long now = System.nanoTime();
                while (sending && due[next] - now <= 0) {
                    int i = next;
                    next = next + 1 == n ? 0 : next + 1;
                    packet.clear();
                    // RFC 3550 §5.1: V=2; marker on a stream's first packet (RFC 3551 §4.1); PT 0 (PCMU).
                    packet.put((byte) 0x80).put((byte) (sent[i] == 0 ? 0x80 : 0x00));
                    packet.putShort((short) sequence[i]).putInt(timestamp[i]).putInt(ssrcOf(i)).put(payload);
                    packet.flip();
                    if (channel.send(packet, targets[i]) > 0) {
                        sent[i]++;
                        sentSoFar++; // one writer thread: the volatile publishes the count to readers
                    }
                    sequence[i] = sequence[i] + 1 & 0xFFFF;
                    timestamp[i] += PAYLOAD;
                    due[i] += PERIOD_NANOS;
                }
                drain(in);
                long wait = BATCH_NANOS - (System.nanoTime() - now);
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        } catch (ClosedChannelException e) {
            // closed: the run is over
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads every datagram waiting on the socket and counts it. */
    private void drain(ByteBuffer in) throws IOException {
        while (true) {
            in.clear();
            if (channel.receive(in) == null) {
                return;
            }
            if (in.position() < HEADER) {
                unknown++;
                continue;
            }
            int second = in.get(1) & 0xFF;
            if (second >= 192 && second <= 223) {
                rtcpReceived++; // RFC 5761 §4: RTCP packet types on the RTP port
                continue;
            }
            int at = Arrays.binarySearch(ssrcs, in.getInt(8));
            if (at < 0) {
                unknown++;
                continue;
            }
            receivedPerStream[ssrcIndex[at]]++;
            received++;
        }
    }

    /** The generator thread's CPU time so far. */
    @Override
    public long cpuNanos() {
        return MediaThreads.named("generator").cpuAndAllocated()[0];
    }

    @Override
    public void close() throws IOException {
        sending = false;
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close();
    }
}
