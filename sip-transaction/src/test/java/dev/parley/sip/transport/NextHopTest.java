package dev.parley.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipMethod;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Uri;
import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 3263 §4 without DNS, and RFC 3261 §8.1.2's choice of the URI to apply it to. */
class NextHopTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sip:bob@192.0.2.1                          | UDP:192.0.2.1:5060
            sip:bob@192.0.2.1:5070                     | UDP:192.0.2.1:5070
            sip:bob@192.0.2.1;transport=tcp            | TCP:192.0.2.1:5060
            sip:bob@192.0.2.1;transport=TCP            | TCP:192.0.2.1:5060
            sip:bob@192.0.2.1;transport=udp            | UDP:192.0.2.1:5060
            sip:bob@192.0.2.1;transport=tls            | TLS:192.0.2.1:5061
            sips:bob@192.0.2.1                         | TLS:192.0.2.1:5061
            sips:bob@192.0.2.1:5071                    | TLS:192.0.2.1:5071
            sips:bob@192.0.2.1;transport=tcp           | TLS:192.0.2.1:5061
            sip:bob@example.com;maddr=192.0.2.9        | UDP:192.0.2.9:5060
            sip:bob@192.0.2.1:5080;maddr=192.0.2.9     | UDP:192.0.2.9:5080
            sips:bob@example.com;maddr=192.0.2.9       | TLS:192.0.2.9:5061
            sip:bob@[2001:db8::1]                      | UDP:[2001:db8::1]:5060
            sip:bob@[2001:db8::1]:5090;transport=tcp   | TCP:[2001:db8::1]:5090
            sip:bob@host;maddr=[2001:db8::2]           | UDP:[2001:db8::2]:5060
            sip:example.com                            | UDP:example.com:5060
            """)
    void uri_givesTransportHostAndPort(String uri, String hop) {
        assertEquals(hop, NextHop.of(Uri.parse(uri)).toString());
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            sips:bob@192.0.2.1;transport=udp | transport=udp
            sip:bob@192.0.2.1;transport=sctp | unsupported transport sctp
            tel:+15551234567                 | not a sip: or sips: URI
            """)
    void unusableUri_isRefusedWithTheReason(String uri, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NextHop.of(Uri.parse(uri)));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void endpoint_onlyForIpLiterals() {
        assertEquals(new Endpoint(TransportKind.TLS, new InetSocketAddress("192.0.2.1", 5061)),
                NextHop.of(Uri.parse("sips:bob@192.0.2.1")).endpoint().orElseThrow());
        assertEquals(new Endpoint(TransportKind.UDP, new InetSocketAddress("2001:db8::1", 5060)),
                NextHop.of(Uri.parse("sip:[2001:db8::1]")).endpoint().orElseThrow());
        assertTrue(NextHop.of(Uri.parse("sip:bob@example.com")).endpoint().isEmpty());
    }

    private static SipRequest invite(String requestUri, String... routes) {
        var b = SipRequest.builder(SipMethod.INVITE, Uri.parse(requestUri))
                .via(dev.parley.sip.message.Via.of("UDP", "192.0.2.100", 5060, "z9hG4bK-nh"))
                .maxForwards(70)
                .from(NameAddr.of(SipUri.of("alice", "192.0.2.100")).withTag("a"))
                .to(NameAddr.of(SipUri.of("bob", "192.0.2.1")))
                .callId("nexthop@192.0.2.100")
                .cseq(1, SipMethod.INVITE);
        for (String r : routes) {
            b.add("Route", r);
        }
        return b.build();
    }

    @Test
    void withoutRoute_theRequestUriIsUsed() {
        assertEquals("TCP:192.0.2.1:5062", NextHop.forRequest(invite("sip:bob@192.0.2.1:5062;transport=tcp")).toString());
    }

    @Test
    void looseRouter_topRouteIsUsed() {
        // RFC 3261 §8.1.2: the first Route value when it is a loose router.
        SipRequest r = invite("sip:bob@192.0.2.1", "<sips:192.0.2.50;lr>", "<sip:192.0.2.51;lr>");
        assertEquals("TLS:192.0.2.50:5061", NextHop.forRequest(r).toString());
    }

    @Test
    void strictRouter_requestUriIsUsed() {
        // RFC 3261 §12.2.1.1: a strict router's URI is already the Request-URI; the Route holds the rest.
        SipRequest r = invite("sip:192.0.2.60;maddr=192.0.2.61", "<sip:bob@192.0.2.1>");
        assertEquals("UDP:192.0.2.61:5060", NextHop.forRequest(r).toString());
    }
}
