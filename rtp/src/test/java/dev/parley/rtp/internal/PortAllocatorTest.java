package dev.parley.rtp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    @Test
    void pairs_areEvenOdd_roundRobin_andReleased() throws IOException {
        PortAllocator ports = new PortAllocator(InetAddress.getLoopbackAddress(), 41_001, 41_009);
        PortAllocator.Pair a = ports.allocate();
        PortAllocator.Pair b = ports.allocate();
        try {
            assertEquals(0, a.rtpPort() % 2);
            assertEquals(a.rtpPort() + 2, b.rtpPort()); // RFC 3550 §11: RTP even, RTCP on the next port
            assertEquals(a.rtpPort() + 1, ((InetSocketAddress) a.rtcp().getLocalAddress()).getPort());
            assertEquals(2, ports.inUse());
        } finally {
            close(a);
            close(b);
        }
        ports.release(a.rtpPort());
        assertEquals(1, ports.inUse());
    }

    /**
     * On 127.0.0.1 the sockets are IPv4 sockets: Linux lists them in /proc/net/udp, not (v4-mapped)
     * in /proc/net/udp6, so each datagram takes the IPv4 path only. And they still carry traffic.
     */
    @Test
    void anIpv4Address_getsIpv4Sockets() throws IOException {
        Path udp = Path.of("/proc/net/udp");
        Path udp6 = Path.of("/proc/net/udp6");
        assertTrue(Files.isReadable(udp) && Files.isReadable(udp6),
                "this test reads Linux's /proc/net/udp and /proc/net/udp6 (the project is tested on Linux)");
        PortAllocator ports = new PortAllocator(InetAddress.getByName("127.0.0.1"), 41_101, 41_199);
        PortAllocator.Pair pair = ports.allocate();
        try {
            String local = String.format(Locale.ROOT, ":%04X ", pair.rtpPort());
            assertTrue(Files.readString(udp).contains(local), "port " + pair.rtpPort() + " in /proc/net/udp");
            assertFalse(Files.readString(udp6).contains(local), "port " + pair.rtpPort() + " not in /proc/net/udp6");
            try (DatagramChannel peer = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
                peer.send(ByteBuffer.wrap(new byte[] {1, 2, 3}), pair.rtp().getLocalAddress());
                ByteBuffer in = ByteBuffer.allocate(16);
                InetSocketAddress from = receive(pair.rtp(), in);
                assertEquals(peer.getLocalAddress(), from);
                assertEquals(3, in.position());
            }
        } finally {
            close(pair);
        }
    }

    /** Bound to 0.0.0.0, media still reaches an IPv6 peer (the JDK's dual-stack wildcard socket). */
    @Test
    void theIpv4Wildcard_stillReachesIpv6Peers() throws IOException {
        PortAllocator ports = new PortAllocator(InetAddress.getByName("0.0.0.0"), 41_201, 41_299);
        PortAllocator.Pair pair = ports.allocate();
        try (DatagramChannel peer = DatagramChannel.open().bind(new InetSocketAddress("::1", 0))) {
            assertEquals(3, pair.rtp().send(ByteBuffer.wrap(new byte[] {1, 2, 3}), peer.getLocalAddress()));
            ByteBuffer in = ByteBuffer.allocate(16);
            assertEquals(pair.rtpPort(), receive(peer, in).getPort());
        } finally {
            close(pair);
        }
    }

    /** Loopback queues a datagram before send returns: a bounded non-blocking read finds it. */
    private static InetSocketAddress receive(DatagramChannel channel, ByteBuffer in) throws IOException {
        channel.configureBlocking(false);
        for (int tries = 0; tries < 1_000; tries++) {
            InetSocketAddress from = (InetSocketAddress) channel.receive(in);
            if (from != null) {
                return from;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no datagram on " + channel.getLocalAddress());
    }

    private static void close(PortAllocator.Pair pair) throws IOException {
        pair.rtp().close();
        pair.rtcp().close();
    }
}
