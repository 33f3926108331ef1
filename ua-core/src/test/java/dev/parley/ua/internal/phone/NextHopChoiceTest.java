package dev.parley.ua.internal.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Uri;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where a phone sends a request to a URI (RFC 3263 §4 without DNS): the URI's transport parameter
 * or {@code sips:} wins, otherwise the line's transport; the default port follows the transport.
 */
class NextHopChoiceTest {

    @ParameterizedTest(name = "{0} on a {1} line -> {2}:{3}")
    @CsvSource({
            "sip:bob@127.0.0.1,                  UDP, UDP, 5060",
            "sip:bob@127.0.0.1,                  TCP, TCP, 5060",
            "sip:bob@127.0.0.1,                  TLS, TLS, 5061",
            "sip:bob@127.0.0.1:5070,             TLS, TLS, 5070",
            "sip:bob@127.0.0.1;transport=tcp,    UDP, TCP, 5060",
            "sip:bob@127.0.0.1;transport=udp,    TCP, UDP, 5060",
            "sip:bob@127.0.0.1;transport=tls,    UDP, TLS, 5061",
            "sips:bob@127.0.0.1,                 UDP, TLS, 5061",
            "sips:bob@127.0.0.1;transport=tcp,   TCP, TLS, 5061",
            "sip:bob@example.invalid;maddr=127.0.0.2, UDP, UDP, 5060",
    })
    void uriAndLineTransport_chooseTheHop(String uri, TransportKind line, TransportKind expected, int port)
            throws UnknownHostException {
        Endpoint hop = NextHopChoice.endpoint(SipUri.parse(uri), line);
        assertEquals(expected, hop.transport());
        assertEquals(port, hop.address().getPort());
        assertEquals(uri.contains("maddr") ? "127.0.0.2" : "127.0.0.1", hop.address().getAddress().getHostAddress());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"sips:bob@127.0.0.1;transport=udp", "sip:bob@127.0.0.1;transport=sctp"})
    void unusableUris_areUnknownHosts(String uri) {
        Uri u = SipUri.parse(uri);
        assertThrows(UnknownHostException.class, () -> NextHopChoice.endpoint(u, TransportKind.UDP));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tel:+15551234"})
    void nonSipUris_areUnknownHosts(String uri) {
        assertThrows(UnknownHostException.class, () -> NextHopChoice.endpoint(Uri.parse(uri), TransportKind.UDP));
    }
}
