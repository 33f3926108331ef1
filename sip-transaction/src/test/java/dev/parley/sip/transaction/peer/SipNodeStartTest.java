package dev.parley.sip.transaction.peer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.sip.transaction.TimerConfig;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A node that cannot bind leaves nothing behind: no loop thread, no half-open socket. */
class SipNodeStartTest {

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    private static SipNode<AnsweringUas> start(String name, int port) {
        return SipNode.start(name, new InetSocketAddress("127.0.0.1", port), TimerConfig.DEFAULT, 10,
                (loop, addr) -> new AnsweringUas(loop, TimerConfig.DEFAULT, addr, 0, 10));
    }

    @Test
    void udpPortInUse_failsAndStopsTheLoopThread() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            assertThrows(RuntimeException.class, () -> start("node-udp-taken", taken.getLocalPort()));
            assertFalse(threadAlive("node-udp-taken"));
        }
    }

    @Test
    void tcpPortInUse_failsStopsTheLoopAndReleasesTheUdpPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThrows(RuntimeException.class, () -> start("node-tcp-taken", port));
            assertFalse(threadAlive("node-tcp-taken"));
            // The UDP socket bound before the TCP bind failed is closed again: the port is free.
            try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
                assertFalse(again.isClosed());
            }
        }
    }
}
