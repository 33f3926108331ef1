package dev.parley.sip.transaction.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/** Real UDP sockets on loopback (IPv4 and IPv6), ephemeral ports, bounded waits. */
class SocketLoopbackTest {

    private static void awaitCount(LongSupplier counter, long expected) throws InterruptedException {
        // Bounded wait for real I/O (at most 10 s); the protocol's timing is tested in virtual time.
        for (int i = 0; i < 1000 && counter.getAsLong() < expected; i++) {
            Thread.sleep(10);
        }
    }

    private static void callsComplete(String ip) throws Exception {
        InetSocketAddress any = new InetSocketAddress(ip, 0);
        try (SipNode<AnsweringUas> uas = SipNode.start("uas", any, TimerConfig.DEFAULT, 1000,
                     (loop, addr) -> new AnsweringUas(loop, TimerConfig.DEFAULT, addr, 0, 1000));
             SipNode<CallingUac> uac = SipNode.start("uac", any, TimerConfig.DEFAULT, 1000,
                     (loop, addr) -> new CallingUac(loop, addr, 10))) {
            Endpoint target = new Endpoint(TransportKind.UDP, uas.address());
            for (int i = 0; i < 20; i++) {
                uac.loop().execute(() -> uac.tu().call(uac.stack(), target, "bob"));
            }
            awaitCount(() -> uac.tu().completed() + uac.tu().failed(), 20);
            assertEquals(20, uac.tu().completed());
            assertEquals(20, uas.tu().acked());
            assertEquals(20, uas.tu().byes());
            CompletableFuture<Long> dropped = new CompletableFuture<>();
            uas.loop().execute(() -> dropped.complete(uas.stack().malformedDropped()));
            assertEquals(0L, dropped.get());
        }
    }

    @Test
    void calls_overIpv4Loopback() throws Exception {
        callsComplete("127.0.0.1");
    }

    @Test
    void calls_overIpv6Loopback() throws Exception {
        callsComplete("::1");
    }
}
