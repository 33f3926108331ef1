package dev.parley.cli;

import static dev.parley.cli.CommandRuns.listen;
import static dev.parley.cli.CommandRuns.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.cli.CommandRuns.Listening;
import dev.parley.cli.CommandRuns.Run;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How {@code parley conference} ends its calls still unanswered when {@code --duration} is over:
 * one that got a provisional response is cancelled (RFC 3261 §9.1), one that got no response at
 * all is abandoned at once — the command does not wait for its INVITE to time out (Timer B, 32 s).
 */
@Timeout(60)
class ConferenceEndingTest {

    /** Well under Timer B's 32 s: the 1 s duration, the phone's start and close on a loaded machine. */
    private static final long BOUND_MILLIS = 10_000;

    @Test
    void aCallWithoutAnyResponse_isAbandonedAtTheEnd_withoutCancel_andWithoutWaitingForTimerB() throws Exception {
        try (DatagramSocket blackHole = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String target = "sip:nobody@127.0.0.1:" + blackHole.getLocalPort();
            long began = System.nanoTime();
            Run host = start("conference", "--user", "host", "--call", target, "--duration", "1")
                    .get(40, TimeUnit.SECONDS);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

            assertTrue(tookMillis < BOUND_MILLIS, "ended after " + tookMillis + " ms");
            assertEquals(ExitCode.CALL_FAILED, host.code(), "no one joined: " + host.out() + host.err());
            assertTrue(host.out().contains("call to " + target + " abandoned: no response to the INVITE"), host.out());
            List<String> received = firstLines(blackHole);
            assertFalse(received.isEmpty(), "the INVITE was sent");
            for (String line : received) {
                // RFC 3261 §9.1: no CANCEL before a provisional response; only the INVITE and its retransmissions.
                assertTrue(line.startsWith("INVITE " + target + " SIP/2.0"), received.toString());
            }
        }
    }

    @Test
    void aRingingCall_isCancelledAtTheEnd() throws Exception {
        Listening bob = listen("--user", "bob", "--events", "json", "--duration", "8"); // rings, never answers
        long began = System.nanoTime();
        Run host = start("conference", "--user", "host", "--call", bob.uri("bob"), "--duration", "1")
                .get(40, TimeUnit.SECONDS);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        assertTrue(tookMillis < BOUND_MILLIS, "ended after " + tookMillis + " ms");
        assertEquals(ExitCode.CALL_FAILED, host.code(), host.out() + host.err());
        assertTrue(host.out().contains("call to " + bob.uri("bob") + " failed: CANCELLED 487"), host.out());
        bob.awaitPrinted("\"cause\":\"cancelled_by_remote\"");
    }

    /** The first line of each datagram waiting on {@code socket}. */
    private static List<String> firstLines(DatagramSocket socket) throws Exception {
        socket.setSoTimeout(200);
        List<String> lines = new ArrayList<>();
        byte[] buf = new byte[65_535];
        for (int i = 0; i < 50; i++) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                break;
            }
            String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            lines.add(text.lines().findFirst().orElse(""));
        }
        return lines;
    }
}
