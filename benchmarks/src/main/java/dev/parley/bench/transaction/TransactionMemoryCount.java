package dev.parley.bench.transaction;

import dev.parley.sip.message.ParserLimits;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transaction.TransactionStack;
import dev.parley.sip.transaction.TransactionUser;
import dev.parley.sip.transaction.VirtualTime;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * How many concurrent transactions fit in the heap (run with {@code -Xmx256m}): feeds INVITE
 * datagrams with fresh branches through a {@link TransactionStack} whose TU answers 200 at once,
 * so that each INVITE server transaction sits in the Accepted state (timer L, 64*T1) holding its
 * request (the 200 is sent and, since the TU owns its retransmissions, not kept) — the steady
 * state of a loaded UAS. Virtual time never advances, so nothing
 * is released. Stops at OutOfMemoryError and prints the count.
 *
 * <pre>java -Xmx256m -cp benchmarks/target/benchmarks.jar dev.parley.bench.transaction.TransactionMemoryCount</pre>
 */
public final class TransactionMemoryCount {

    private TransactionMemoryCount() {
    }

    public static void main(String[] args) {
        VirtualTime time = new VirtualTime(Integer.MAX_VALUE);
        Endpoint peer = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5061);
        TransactionUser<SipRequest, SipResponse> tu = (ServerTransaction<SipRequest, SipResponse> tx, SipRequest r) ->
                tx.respond(r.createResponse(200, "OK", "uas-tag"));
        TransactionStack stack = new TransactionStack(time, TimerConfig.DEFAULT, ParserLimits.DEFAULT, (b, to) -> true, tu,
                new InetSocketAddress("127.0.0.1", 5060), new SplittableRandom(1), Integer.MAX_VALUE);
        String template = "INVITE sip:service@127.0.0.1:5060 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-%d\r\n"
                + "From: sipp <sip:sipp@127.0.0.1:5061>;tag=%d\r\n"
                + "To: service <sip:service@127.0.0.1:5060>\r\n"
                + "Call-ID: %d-load@127.0.0.1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: sip:sipp@127.0.0.1:5061\r\n"
                + "Max-Forwards: 70\r\n"
                + "Subject: Performance Test\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: 129\r\n\r\n"
                + "v=0\r\no=user1 53655765 2353687637 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 6000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        long n = 0;
        long before = usedHeap();
        try {
            while (true) {
                byte[] d = String.format(template, n, n, n).getBytes(StandardCharsets.US_ASCII);
                stack.receiveDatagram(d, 0, d.length, peer);
                n++;
                if (n % 100_000 == 0) {
                    System.out.printf("%,d transactions, %,d bytes of heap each%n", n, (usedHeap() - before) / n);
                }
            }
        } catch (OutOfMemoryError e) {
            long count = stack.layer().size();
            stack = null;
            System.out.printf("OutOfMemoryError after %,d concurrent INVITE server transactions (Accepted, holding the request; the 200 is sent and not kept) "
                    + "in a max heap of %,d MiB%n", count, Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
