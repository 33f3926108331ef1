package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import dev.parley.sdp.LocalCapabilities;
import dev.parley.sdp.OfferAnswer;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.fixture.Lab;
import dev.parley.ua.fixture.RawSip;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * REFER and NOTIFY that a phone must refuse (RFC 3515 §2.4.1–§2.4.2, RFC 6665 §4.1.3), sent by a
 * hand-made peer inside and outside a call, with and without 10% SIP loss. None of them may
 * start a call or disturb the one in progress.
 */
class TransferRefusalsTest {

    private static final Endpoint PHONE = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5080);
    private static final Endpoint RAW = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5999);

    private Lab lab;
    private RawSip raw;
    private Lab.Recorder events;
    private long cseq = 1;

    private void setUp(double loss) {
        lab = new Lab(71, loss);
        events = new Lab.Recorder();
        SoftPhone phone = SoftPhone.builder().inMemory(lab.sip, lab.media, lab.time).sipAddress("127.0.0.1", 5080)
                .random(new SplittableRandom(5)).codecs(Codecs.PCMU).listener(events).build();
        phone.addLine(LineConfig.builder("bob", "parley.test").registrationRequired(false).build()).autoAnswer(true);
        raw = new RawSip(lab.time, lab.sip, RAW);
    }

    private SipResponse send(SipRequest request) {
        int before = raw.responses.size();
        raw.send(request, PHONE);
        assertTrue(lab.runUntil(() -> raw.responses.size() > before, 40_000), "answered");
        return raw.responses.get(before);
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void outsideACall_referGets403_andNotifyGets481(double loss) {
        setUp(loss);
        NameAddr to = NameAddr.of(SipUri.of("bob", "127.0.0.1", 5080));
        for (String method : new String[] {"REFER", "NOTIFY"}) {
            SipRequest r = SipRequest.builder(method, SipUri.of("bob", "127.0.0.1", 5080))
                    .via(raw.stack.newVia(TransportKind.UDP)).maxForwards(70)
                    .from(NameAddr.of(SipUri.of("raw", "127.0.0.1", 5999)).withTag("r1")).to(to)
                    .callId("ood-" + method + "@127.0.0.1").cseq(1, method)
                    .add("Refer-To", "<sip:carol@127.0.0.1:5090>").add("Event", "refer")
                    .add("Subscription-State", "active").build();
            assertEquals(method.equals("REFER") ? 403 : 481, send(r).statusCode(), method);
        }
        assertTrue(events.incoming.isEmpty() && events.transferred.isEmpty());
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void insideACall_badRefersAndStrayNotifies_areRefused_andTheCallStays(double loss) {
        setUp(loss);
        OfferAnswer peer = new OfferAnswer(LocalCapabilities.defaultAudio("9", "127.0.0.1", 40000), 1);
        SipRequest invite = SipRequest.builder("INVITE", SipUri.of("bob", "127.0.0.1", 5080))
                .via(raw.stack.newVia(TransportKind.UDP)).maxForwards(70)
                .from(NameAddr.of(SipUri.of("raw", "127.0.0.1", 5999)).withTag("r2"))
                .to(NameAddr.of(SipUri.of("bob", "127.0.0.1", 5080)))
                .callId("in-dialog@127.0.0.1").cseq(cseq, "INVITE")
                .add("Contact", "<sip:raw@127.0.0.1:5999>")
                .body("application/sdp", peer.createOffer().toBytes()).build();
        SipResponse ok = send(invite);
        assertEquals(200, ok.statusCode());
        raw.stack.layer().sendAck(SipRequest.builder("ACK", ok.contacts().get(0).address().uri())
                .via(raw.stack.newVia(TransportKind.UDP)).maxForwards(70).from(invite.from()).to(ok.to())
                .callId(invite.callId()).cseq(cseq, "ACK").build(), PHONE);
        lab.time.advance(200);
        Call call = events.incoming.get(0);
        assertEquals(CallState.CONNECTED, call.state());

        // {headers to add, expected status}
        String[][] cases = {
            {"", "400"},                                                        // RFC 3515 §2.4.1: no Refer-To
            {"Refer-To: <sip:a@127.0.0.1>\nRefer-To: <sip:b@127.0.0.1>", "400"}, // two Refer-To
            {"Refer-To: <tel:+15551234>", "416"},                               // a scheme we cannot call
            {"Refer-To: <sip:a@127.0.0.1?Call-ID=evil>", "400"},               // only Replaces is taken from the URI
            {"Refer-To: <sip:a@127.0.0.1?Replaces=x%0D%0AVia%3A%20evil>", "400"}, // no CRLF smuggled into the INVITE
        };
        for (String[] c : cases) {
            var b = SipRequest.builder("REFER", ok.contacts().get(0).address().uri())
                    .via(raw.stack.newVia(TransportKind.UDP)).maxForwards(70).from(invite.from()).to(ok.to())
                    .callId(invite.callId()).cseq(++cseq, "REFER");
            for (String h : c[0].isEmpty() ? new String[0] : c[0].split("\n")) {
                b.add(h.substring(0, h.indexOf(':')), h.substring(h.indexOf(':') + 1).trim());
            }
            assertEquals(Integer.parseInt(c[1]), send(b.build()).statusCode(), c[0]);
        }
        // RFC 6665 §4.1.3 / §8.3.1: NOTIFYs for a subscription bob never made.
        String[][] notifies = {{"refer", "481"}, {"presence", "489"}};
        for (String[] n : notifies) {
            SipRequest notify = SipRequest.builder("NOTIFY", ok.contacts().get(0).address().uri())
                    .via(raw.stack.newVia(TransportKind.UDP)).maxForwards(70).from(invite.from()).to(ok.to())
                    .callId(invite.callId()).cseq(++cseq, "NOTIFY")
                    .add("Event", n[0]).add("Subscription-State", "active;expires=60")
                    .body("message/sipfrag;version=2.0", "SIP/2.0 200 OK\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .build();
            assertEquals(Integer.parseInt(n[1]), send(notify).statusCode(), n[0]);
        }
        assertEquals(CallState.CONNECTED, call.state());
        assertTrue(events.transferred.isEmpty(), "no call was started");
        assertEquals(1, events.incoming.size());
    }
}
