package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipParser;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.fixture.Lab;
import dev.parley.ua.fixture.RawSip;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 3261 §12.1.1: the UAS copies every Record-Route of the INVITE into the responses that make
 * the dialog (180 with a To tag, 200), in order and unchanged, with their parameters; without them
 * the caller's ACK and BYE skip the record-routing proxies (kamailio then answers 404 to the BYE).
 */
class RecordRouteCopyTest {

    private static final List<String> RECORD_ROUTES = List.of(
            "<sip:127.0.0.1:5070;r2=on;lr=on;ftag=d96f>",
            "<sip:127.0.0.1:5071;transport=tls;r2=on;lr=on;ftag=d96f>");

    @Test
    void ringingAndOk_carryTheInvitesRecordRoutes_inOrder_byteForByte() {
        Lab lab = new Lab(91, 0);
        Lab.Recorder bobEvents = new Lab.Recorder();
        lab.phoneAt(5080).codecs(Codecs.PCMU).listener(bobEvents).build()
                .addLine(LineConfig.builder("bob", "parley.test").registrationRequired(false).build());
        List<SipResponse> fromBob = new ArrayList<>();
        lab.sip.filter((from, to, payload) -> {
            if (from.address().getPort() == 5080 && new String(payload, 0, 7, java.nio.charset.StandardCharsets.US_ASCII)
                    .equals("SIP/2.0")) {
                fromBob.add((SipResponse) new SipParser().parse(payload));
            }
            return null;
        });
        RawSip proxy = new RawSip(lab.time, lab.sip, Endpoint.of(TransportKind.UDP, "127.0.0.1", 5070));
        var b = SipRequest.builder("INVITE", SipUri.of("bob", "127.0.0.1", 5080))
                .via(proxy.stack.newVia(TransportKind.UDP)).maxForwards(70)
                .to(NameAddr.of(SipUri.of("bob", "parley.test")))
                .from(NameAddr.of(SipUri.of("alice", "parley.test")).withTag("a1"))
                .callId("rr-1").cseq(1, "INVITE")
                .contact(new dev.parley.sip.message.Contact(NameAddr.of(SipUri.of("alice", "127.0.0.1", 5090))));
        RECORD_ROUTES.forEach(rr -> b.add("Record-Route", rr));
        proxy.send(b.build(), Endpoint.of(TransportKind.UDP, "127.0.0.1", 5080));
        assertTrue(lab.runUntil(() -> !bobEvents.incoming.isEmpty(), 1_000));
        bobEvents.incoming.get(0).answer();
        assertTrue(lab.runUntil(() -> fromBob.stream().anyMatch(r -> r.statusCode() == 200), 2_000), "bob answered");

        for (int code : List.of(180, 200)) {
            SipResponse r = fromBob.stream().filter(m -> m.statusCode() == code).findFirst().orElseThrow();
            assertEquals(RECORD_ROUTES, r.headerLines("Record-Route"), code + " copies the Record-Route lines");
        }
    }
}
