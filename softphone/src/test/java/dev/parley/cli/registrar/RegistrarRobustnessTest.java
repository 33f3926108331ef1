package dev.parley.cli.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.message.SipMessage;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bad input never crashes the registrar or proxy: requests whose Contact, Route, Expires,
 * Authorization, Require, Max-Forwards or Request-URI are garbled each get a final response, and no
 * exception escapes to the event loop (here, to the test thread driving virtual time).
 */
class RegistrarRobustnessTest {

    private static final List<String> NASTY = List.of("", "*", "<", ">", ",", ";", "\"", "sip:", "<sip:>", "0", "-1",
            "99999999999999999999", "4294967296", "Digest", "Digest ,,,", "Digest realm=\"parley\", nc=zz, uri=\"x\"",
            "Digest realm=\"parley\", username=\"alice\", nonce=\"n\", uri=\"sip:127.0.0.1\", response=\"r\", nc=00000001, cnonce=\"c\", qop=auth, algorithm=MD5-sess",
            "Basic YWxpY2U6d29uZGVybGFuZA==", "<sip:127.0.0.1:5060;lr>, <garbage", "<sip:10.0.0.1:5060;lr>",
            "<sip:bob@[::1]:5070;transport=tcp>", "<sips:bob@127.0.0.1>", "<tel:+15551234>", "<sip:bob@example.com:0>",
            "\u00e9\u00e8", "<sip:alice@127.0.0.1:5061>;expires=abc", "<sip:alice@127.0.0.1:5061>;expires=-5", "gruu, foo");

    private static final List<String> MUTABLE = List.of("Contact", "Route", "Expires", "Authorization",
            "Proxy-Authorization", "Require", "Proxy-Require", "Max-Forwards", "Record-Route", "Content-Type");

    private static final List<String> METHODS = List.of("REGISTER", "INVITE", "BYE", "OPTIONS", "REFER", "INFO", "MESSAGE", "CANCEL");

    private static String request(String method, String uri, int i, String header, String value) {
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(' ').append(uri).append(" SIP/2.0\r\n");
        sb.append("Via: SIP/2.0/UDP 127.0.0.1:5081;branch=z9hG4bKfz").append(i).append("\r\n");
        sb.append("From: <sip:alice@127.0.0.1>;tag=fz\r\n");
        sb.append("To: <sip:alice@127.0.0.1>\r\n");
        sb.append("Call-ID: fz-").append(i).append("\r\n");
        sb.append("CSeq: ").append(i + 1).append(' ').append(method).append("\r\n");
        if (!header.equals("Max-Forwards")) {
            sb.append("Max-Forwards: 70\r\n");
        }
        sb.append(header).append(": ").append(value).append("\r\n");
        sb.append("Content-Length: 0\r\n\r\n");
        return sb.toString();
    }

    @Test
    void garbledHeaders_eachGetAFinalResponse_andNothingEscapes() {
        ProxyLab lab = new ProxyLab(RegistrarConfig.DEFAULT.withAuthenticateInvites(true));
        lab.phone(0);
        ProxyLab.RawPeer peer = lab.new RawPeer(Endpoint.of(TransportKind.UDP, "127.0.0.1", 5081));
        SplittableRandom random = new SplittableRandom(2026);
        List<String> uris = List.of("sip:127.0.0.1", "sip:alice@127.0.0.1:5060", "sip:bob@127.0.0.1:5060",
                "sip:uas@127.0.0.1:5070", "sip:127.0.0.1:5060;lr", "sip:x@10.1.2.3:5060", "sip:bob@example.com", "tel:+1555");
        int sent = 2000;
        for (int i = 0; i < sent; i++) {
            String method = METHODS.get(random.nextInt(METHODS.size()));
            String header = MUTABLE.get(random.nextInt(MUTABLE.size()));
            String value = random.nextInt(4) == 0 ? randomText(random) : NASTY.get(random.nextInt(NASTY.size()));
            peer.sendBytes(request(method, uris.get(random.nextInt(uris.size())), i, header, value).getBytes(StandardCharsets.UTF_8));
            lab.time.advance(5);
        }
        // Long enough for timer B/F (32 s) of anything forwarded to an address that never answers.
        lab.time.advance(70_000);
        Set<String> finals = new HashSet<>();
        for (SipMessage m : peer.received) {
            if (m instanceof SipResponse r && r.isFinal()) {
                finals.add(r.callId());
            }
        }
        long dropped = lab.proxyStack.malformedDropped();
        assertEquals(sent, finals.size() + dropped, "every request answered, or dropped and counted by the stack");
        assertTrue(finals.size() > sent * 9 / 10, "most garbled requests are answered: " + finals.size());
        assertEquals(0, lab.server.pendingInvites());
    }

    private static String randomText(SplittableRandom random) {
        char[] c = new char[random.nextInt(1, 40)];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) random.nextInt(0x20, 0x7f);
        }
        return new String(c);
    }
}
