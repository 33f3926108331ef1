package dev.parley.rtp.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.BitSet;

/**
 * Hands out RTP/RTCP port pairs from a configured range: RTP on an even port, RTCP on the next odd
 * one (RFC 3550 §11). Pairs are tried round-robin, so a just-freed pair is reused last; ports
 * another process holds are skipped. Thread-safe.
 */
public final class PortAllocator {

    /** Two bound channels: RTP on the even port, RTCP on the odd one. */
    public record Pair(DatagramChannel rtp, DatagramChannel rtcp, int rtpPort) {
    }

    private final InetAddress address;
    private final int first;
    private final int pairs;
    private final BitSet used;
    private int cursor;

    /** Pairs from {@code minPort} (rounded up to even) up to {@code maxPort} inclusive. */
    public PortAllocator(InetAddress address, int minPort, int maxPort) {
        this.address = address;
        this.first = (minPort + 1) & ~1;
        this.pairs = Math.max(0, (maxPort - first + 1) / 2);
        if (first < 1024 && first != 0 || maxPort > 65535 || pairs == 0) {
            throw new IllegalArgumentException("port range " + minPort + "-" + maxPort);
        }
        this.used = new BitSet(pairs);
    }

    /**
     * Binds a free pair.
     *
     * @throws IOException if every pair of the range is in use
     */
    public synchronized Pair allocate() throws IOException {
        for (int tried = 0; tried < pairs; tried++) {
            int index = cursor;
            cursor = (cursor + 1) % pairs;
            if (used.get(index)) {
                continue;
            }
            int port = first + 2 * index;
            DatagramChannel rtp = null;
            try {
                rtp = openChannel();
                rtp.bind(new InetSocketAddress(address, port));
                DatagramChannel rtcp = openChannel();
                try {
                    rtcp.bind(new InetSocketAddress(address, port + 1));
                } catch (IOException e) {
                    rtcp.close();
                    throw e;
                }
                used.set(index);
                return new Pair(rtp, rtcp, port);
            } catch (IOException e) {
                if (rtp != null) {
                    rtp.close(); // held by another process: try the next pair
                }
            }
        }
        throw new IOException("no free RTP port pair in " + first + "-" + (first + 2 * pairs - 1));
    }

    /**
     * A specific IPv4 address gets an IPv4 socket: a dual-stack socket bound to it cannot reach an
     * IPv6 peer either, and each of its datagrams would take the kernel's IPv6 path with a v4-mapped
     * address. The wildcard 0.0.0.0, IPv6 addresses and no address keep the JDK's default socket,
     * which the JDK binds to the IPv6 wildcard for 0.0.0.0, so that it reaches IPv4 and IPv6 peers.
     */
    private DatagramChannel openChannel() throws IOException {
        return address instanceof Inet4Address && !address.isAnyLocalAddress()
                ? DatagramChannel.open(StandardProtocolFamily.INET) : DatagramChannel.open();
    }

    /** Returns the pair of {@code rtpPort} to the pool (its channels must be closed). */
    public synchronized void release(int rtpPort) {
        used.clear((rtpPort - first) / 2);
    }

    public synchronized int inUse() {
        return used.cardinality();
    }
}
