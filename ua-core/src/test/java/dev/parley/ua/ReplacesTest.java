package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.fixture.Office;
import dev.parley.ua.fixture.RawSip;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * INVITEs with a Replaces header that must not replace anything (RFC 3891 §3), sent by hand to
 * carol's phone, with and without 10% SIP loss.
 */
class ReplacesTest {

    private static final Endpoint CAROL = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5090);
    private static final Endpoint RAW = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5999);

    private static SipResponse invite(Office o, RawSip raw, String replaces, String callId) {
        SipRequest invite = SipRequest.builder("INVITE", SipUri.of("carol", "127.0.0.1", 5090))
                .via(raw.stack.newVia(TransportKind.UDP))
                .maxForwards(70)
                .from(NameAddr.of(SipUri.of("mallory", "127.0.0.1", 5999)).withTag("m1"))
                .to(NameAddr.of(SipUri.of("carol", "127.0.0.1", 5090)))
                .callId(callId)
                .cseq(1, "INVITE")
                .add("Replaces", replaces)
                .build();
        int before = raw.responses.size();
        raw.send(invite, CAROL);
        assertTrue(o.lab.runUntil(() -> raw.responses.size() > before, 40_000), "answered");
        return raw.responses.get(before);
    }

    private static String tag(String nameAddr) {
        return nameAddr.substring(nameAddr.indexOf(";tag=") + 5).split(";")[0];
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void unknownDialog_gets481_andNoCallAppears(double loss) {
        Office o = new Office(61, loss);
        RawSip raw = new RawSip(o.lab.time, o.lab.sip, RAW);
        SipResponse r = invite(o, raw, "nosuch@127.0.0.1;to-tag=a;from-tag=b", "new-1@127.0.0.1");
        assertEquals(481, r.statusCode());
        assertTrue(o.carol.events.incoming.isEmpty() && o.carol.events.transferred.isEmpty());
        // A malformed Replaces (no from-tag) is a bad request (RFC 3891 §6.1: both tags are required).
        assertEquals(400, invite(o, raw, "x@y;to-tag=a", "new-2@127.0.0.1").statusCode());
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void earlyDialogWeDidNotStart_gets481_andKeepsRinging(double loss) {
        Office o = new Office(62, loss);
        RawSip raw = new RawSip(o.lab.time, o.lab.sip, RAW);
        Call out = o.alice.line.newCall(Office.CAROL);
        out.start();
        assertTrue(o.lab.runUntil(() -> out.state() == CallState.RINGING, 30_000));
        Call ringing = o.carol.events.incoming.get(0);
        String ringingResponse = o.wire.get(o.firstIndex("5090 SIP/2.0 180", "Call-ID: " + ringing.id()));
        String replaces = ringing.id() + ";to-tag=" + tag(Office.header(ringingResponse, "To"))
                + ";from-tag=" + tag(Office.header(ringingResponse, "From"));
        assertEquals(481, invite(o, raw, replaces, "new-3@127.0.0.1").statusCode());
        assertEquals(CallState.INCOMING, ringing.state(), "the matched early dialog is left alone");
        assertEquals(CallState.RINGING, out.state());
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void earlyOnlyForAConfirmedDialog_gets486_andTheCallGoesOn(double loss) {
        Office o = new Office(63, loss);
        RawSip raw = new RawSip(o.lab.time, o.lab.sip, RAW);
        Call[] ac = o.connect(o.alice, o.carol, Office.CAROL);
        String ok = o.wire.get(o.firstIndex("5090 SIP/2.0 200 OK", "Call-ID: " + ac[1].id()));
        String replaces = ac[1].id() + ";to-tag=" + tag(Office.header(ok, "To"))
                + ";from-tag=" + tag(Office.header(ok, "From")) + ";early-only";
        assertEquals(486, invite(o, raw, replaces, "new-4@127.0.0.1").statusCode());
        assertEquals(CallState.CONNECTED, ac[1].state());
    }
}
