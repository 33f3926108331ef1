package dev.parley.sip.transaction;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.message.ParserLimits;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Whatever a peer sends, {@link TransactionStack#receiveDatagram} neither throws nor grows without
 * bound: mutated INVITE, ACK, BYE and response datagrams (bit flips, truncation, splices, CRLF
 * injection) into a stack whose TU answers everything.
 */
class TransactionStackFuzzProperties {

    private static final String[] SEEDS = {
        "INVITE sip:bob@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-1;rport\r\nMax-Forwards: 70\r\n"
            + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:bob@127.0.0.1>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\n"
            + "Contact: <sip:a@127.0.0.1:5061>\r\nContent-Length: 0\r\n\r\n",
        "ACK sip:bob@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5061;branch=z9hG4bK-1\r\nMax-Forwards: 70\r\n"
            + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:bob@127.0.0.1>;tag=t\r\nCall-ID: c1\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n",
        "BYE sip:bob@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=old-style\r\nMax-Forwards: 70\r\n"
            + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:bob@127.0.0.1>;tag=t\r\nCall-ID: c1\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n",
        "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-2\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\n"
            + "To: <sip:bob@127.0.0.1>;tag=t\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
    };

    @Property(tries = 300)
    void anyMutatedDatagram_isHandledWithoutExceptionAndWithinBounds(@ForAll long seed) {
        Random r = new Random(seed);
        VirtualTime time = new VirtualTime();
        TransactionUser<SipRequest, SipResponse> tu = (tx, request) -> tx.respond(request.createResponse(486, "Busy Here", "t"));
        TransactionStack stack = new TransactionStack(time, TimerConfig.DEFAULT, ParserLimits.DEFAULT, (b, to) -> true, tu,
                new java.net.InetSocketAddress("127.0.0.1", 5060), new SplittableRandom(seed), 50);
        Endpoint from = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5061);
        for (int i = 0; i < 200; i++) {
            byte[] d = mutate(SEEDS[r.nextInt(SEEDS.length)].getBytes(StandardCharsets.UTF_8), r);
            stack.receiveDatagram(d, 0, d.length, from);
            time.advance(r.nextInt(50));
        }
        assertTrue(stack.layer().size() <= 50);
        time.advance(70_000);
        assertTrue(stack.layer().size() == 0, "every transaction ends: " + stack.layer().size());
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] d = in.clone();
        switch (r.nextInt(5)) {
            case 0 -> {
                for (int k = 0; k < 1 + r.nextInt(8); k++) {
                    d[r.nextInt(d.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> d = java.util.Arrays.copyOf(d, r.nextInt(d.length + 1));
            case 2 -> {
                int at = r.nextInt(d.length);
                byte[] out = new byte[d.length + 2];
                System.arraycopy(d, 0, out, 0, at);
                out[at] = '\r';
                out[at + 1] = '\n';
                System.arraycopy(d, at, out, at + 2, d.length - at);
                d = out;
            }
            case 3 -> {
                byte[] other = SEEDS[r.nextInt(SEEDS.length)].getBytes(StandardCharsets.UTF_8);
                int cut = r.nextInt(Math.min(d.length, other.length));
                System.arraycopy(other, cut, d, cut, Math.min(other.length, d.length) - cut);
            }
            default -> d[r.nextInt(d.length)] = (byte) r.nextInt(256);
        }
        return d;
    }
}
