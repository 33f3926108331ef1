package dev.parley.bench.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The traffic of the light load run: N streams of 20 ms PCMU from one socket to the engine's N
 * echo streams, and a count of what comes back per stream ({@link RtpGenerator} in Java,
 * {@link NativeGenerator} batching its system calls).
 */
interface TrafficSource extends AutoCloseable {

    InetSocketAddress localAddress() throws IOException;

    /** The echo streams' SSRCs, stream by stream; call before {@link #start}. */
    void echoSsrcs(int[] echoSsrc) throws IOException;

    void start() throws IOException;

    /** Stops sending; what comes back is still counted until {@link #close}. */
    void stopSending() throws IOException;

    /** Packets sent so far. */
    long sent() throws IOException;

    /** Echo RTP packets received so far. */
    long received() throws IOException;

    /** Streams that got nothing back at all. */
    int silentStreams() throws IOException;

    /** CPU nanoseconds the source has used so far. */
    long cpuNanos() throws IOException;

    @Override
    void close() throws IOException;
}
