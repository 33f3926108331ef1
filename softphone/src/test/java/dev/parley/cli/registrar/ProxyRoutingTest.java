package dev.parley.cli.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipMethod;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.Uri;
import dev.parley.sip.message.Via;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The proxy's addressing with a TLS listener beside UDP/TCP: its own URIs, Record-Route, next hops. */
class ProxyRoutingTest {

    private final ProxyRouting tls = new ProxyRouting(new InetSocketAddress("127.0.0.1", 5070), 5071);
    private final ProxyRouting plain = new ProxyRouting(new InetSocketAddress("127.0.0.1", 5060));

    private static SipRequest request(String requestUri, String... routes) {
        var b = SipRequest.builder(SipMethod.BYE, Uri.parse(requestUri))
                .via(Via.of("TLS", "127.0.0.1", 6000, Via.MAGIC_COOKIE + "r1")).maxForwards(70)
                .from(NameAddr.parse("<sip:alice@127.0.0.1>;tag=a")).to(NameAddr.parse("<sip:bob@127.0.0.1>;tag=b"))
                .callId("c1").cseq(2, SipMethod.BYE);
        for (String r : routes) {
            b.add("Route", r);
        }
        return b.build();
    }

    @Test
    void recordRoute_namesTheListenerOfEachTransport() {
        // RFC 3261 §16.6 step 4 with RFC 3263 §4.1: the URI must bring the request back over that transport.
        assertEquals("sip:127.0.0.1:5070;lr", tls.recordRouteUri(TransportKind.UDP, false).toString());
        assertEquals("sip:127.0.0.1:5070;lr", tls.recordRouteUri(TransportKind.TCP, false).toString());
        assertEquals("sip:127.0.0.1:5071;transport=tls;lr", tls.recordRouteUri(TransportKind.TLS, false).toString());
        // RFC 3261 §26.2.2: for a sips: request the Record-Route is a sips: URI.
        assertEquals("sips:127.0.0.1:5071;lr", tls.recordRouteUri(TransportKind.TLS, true).toString());
        assertEquals(5071, tls.port(TransportKind.TLS));
        assertEquals(5070, tls.port(TransportKind.UDP));
        assertEquals("sip:127.0.0.1:5060;lr", plain.recordRouteUri().toString());
    }

    @Test
    void isSelf_matchesTheUdpTcpPortAndTheTlsPort_withTheDefaultPortOfTheScheme() {
        assertTrue(tls.isSelf(Uri.parse("sip:127.0.0.1:5070;lr")));
        assertTrue(tls.isSelf(Uri.parse("sip:127.0.0.1:5071;transport=tls;lr")));
        assertTrue(tls.isSelf(Uri.parse("sips:127.0.0.1:5071;lr")));
        assertFalse(tls.isSelf(Uri.parse("sip:127.0.0.1:5072;lr")));
        assertFalse(plain.isSelf(Uri.parse("sip:127.0.0.1:5071")), "no TLS listener, no TLS port");
        ProxyRouting defaults = new ProxyRouting(new InetSocketAddress("127.0.0.1", 5060), 5061);
        assertTrue(defaults.isSelf(Uri.parse("sips:127.0.0.1")), "§19.1.2: sips: defaults to 5061");
        assertTrue(defaults.isSelf(Uri.parse("sip:127.0.0.1;transport=tls")));
        assertTrue(defaults.isSelf(Uri.parse("sip:127.0.0.1")));
    }

    @Test
    void preprocessRoutes_removesBothUrisOfADoubleRecordRoute() {
        // RFC 5658 §3.3: the caller's route set holds both of the proxy's URIs, one above the other.
        SipRequest in = request("sip:bob@127.0.0.1:7000", "<sip:127.0.0.1:5071;transport=tls;lr>", "<sip:127.0.0.1:5070;lr>",
                "<sip:10.0.0.9:5060;lr>");
        SipRequest out = tls.preprocessRoutes(in);
        assertEquals(List.of("<sip:10.0.0.9:5060;lr>"), out.headerValues("Route"));
        SipRequest single = tls.preprocessRoutes(request("sip:bob@127.0.0.1:7000", "<sip:127.0.0.1:5071;transport=tls;lr>"));
        assertTrue(single.routes().isEmpty());
    }

    @Test
    void nextHop_followsTheTransportParameterAndSips() {
        assertEquals(Optional.of(new Endpoint(TransportKind.TLS, new InetSocketAddress("127.0.0.1", 7001))),
                tls.nextHop(request("sip:bob@127.0.0.1:7001;transport=tls")));
        assertEquals(Optional.of(new Endpoint(TransportKind.TLS, new InetSocketAddress("127.0.0.1", 5061))),
                tls.nextHop(request("sips:bob@127.0.0.1")));
        assertEquals(Optional.of(new Endpoint(TransportKind.TCP, new InetSocketAddress("127.0.0.1", 7002))),
                tls.nextHop(request("sip:bob@127.0.0.1:7002;transport=tcp")));
        assertEquals(Optional.of(new Endpoint(TransportKind.UDP, new InetSocketAddress("127.0.0.1", 5060))),
                tls.nextHop(request("sip:bob@127.0.0.1")));
        assertEquals(Optional.empty(), tls.nextHop(request("sip:bob@127.0.0.1;transport=sctp")), "a transport Parley lacks");
        assertEquals(Optional.empty(), tls.nextHop(request("sip:bob@example.com")), "no DNS");
        assertEquals(Optional.of(new Endpoint(TransportKind.TLS, new InetSocketAddress("127.0.0.1", 5071))),
                tls.nextHop(request("sip:bob@127.0.0.1:7000", "<sip:127.0.0.1:5071;transport=tls;lr>")), "the top Route");
    }
}
