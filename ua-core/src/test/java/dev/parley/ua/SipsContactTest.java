package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import dev.parley.sip.message.SipMessage;
import dev.parley.sip.message.SipParser;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.transaction.peer.SelfSignedTls;
import dev.parley.sip.transport.TransportKind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIPS URIs (RFC 3261 §26.2.2) on real TLS sockets on 127.0.0.1, no proxy: a call to a
 * {@code sips:} URI from a TLS line that is not itself {@code sips:} still makes a secure dialog,
 * so both Contacts are {@code sips:} (§8.1.1.8 for the INVITE, §12.1.1 for the 200) and the BYE
 * goes to a {@code sips:} remote target over TLS.
 */
class SipsContactTest {

    private static SipUri contactOf(SipMessage m) {
        return (SipUri) m.contacts().get(0).address().uri();
    }

    @Test
    @Timeout(60)
    void callToASipsUri_fromAPlainTlsLine_hasSipsContactsBothWays_andTheByeIsSentOverTls() throws Exception {
        SSLContext tls = SelfSignedTls.context(Path.of("target", "ua-sips-test.p12"));
        List<SipMessage> bobSaw = new CopyOnWriteArrayList<>();
        List<SipMessage> aliceSent = new CopyOnWriteArrayList<>();
        CompletableFuture<Call> incoming = new CompletableFuture<>();
        SoftPhone bob = SoftPhone.builder().sipAddress("127.0.0.1", 0).codecs(Codecs.PCMU).rtpPorts(44000, 44998)
                .tlsContext(tls).traceSip(true).listener(new PhoneListener() {
                    @Override
                    public void onIncomingCall(Call call) {
                        incoming.complete(call);
                    }

                    @Override
                    public void onSipPacket(SipPacket packet) {
                        if (bobSaw.size() < 100) {
                            bobSaw.add(new SipParser().parse(packet.bytes()));
                        }
                    }
                }).build();
        SoftPhone alice = SoftPhone.builder().sipAddress("127.0.0.1", 0).codecs(Codecs.PCMU).rtpPorts(45000, 45998)
                .tlsContext(tls).traceSip(true).listener(new PhoneListener() {
                    @Override
                    public void onSipPacket(SipPacket packet) {
                        if (packet.outgoing() && aliceSent.size() < 100) {
                            aliceSent.add(new SipParser().parse(packet.bytes()));
                        }
                    }
                }).build();
        try (bob; alice) {
            bob.addLine(LineConfig.builder("bob", "127.0.0.1").transport(TransportKind.TLS).registrationRequired(false).build());
            PhoneLine aliceLine = alice.addLine(LineConfig.builder("alice", "127.0.0.1").transport(TransportKind.TLS)
                    .registrationRequired(false).build());
            int bobTls = bob.sipEndpoint(TransportKind.TLS).orElseThrow().address().getPort();

            Call out = aliceLine.newCall("sips:bob@127.0.0.1:" + bobTls);
            CompletableFuture<Call> answered = out.start().toCompletableFuture();
            Call in = incoming.get(15, TimeUnit.SECONDS);
            in.answer().toCompletableFuture().get(10, TimeUnit.SECONDS);
            answered.get(10, TimeUnit.SECONDS);
            assertEquals(EndCause.LOCAL_HANGUP, out.hangUp().toCompletableFuture().get(10, TimeUnit.SECONDS).cause());
            assertEquals(EndCause.REMOTE_HANGUP, in.ended().toCompletableFuture().get(10, TimeUnit.SECONDS).cause());

            SipRequest invite = bobSaw.stream().filter(m -> m instanceof SipRequest r && r.isMethod("INVITE"))
                    .map(SipRequest.class::cast).findFirst().orElseThrow();
            assertEquals("TLS", invite.topVia().transport(), "the INVITE came over TLS");
            SipUri aliceContact = contactOf(invite);
            assertTrue(aliceContact.secure(), "RFC 3261 §8.1.1.8: sips: Request-URI, sips: Contact: " + aliceContact);
            assertTrue(aliceContact.transport().isEmpty(), "sips: needs no transport parameter: " + aliceContact);
            assertEquals(alice.sipEndpoint(TransportKind.TLS).orElseThrow().address().getPort(), aliceContact.port(),
                    "alice's Contact is her TLS listener");

            SipResponse ok = bobSaw.stream().filter(m -> m instanceof SipResponse r && r.statusCode() == 200
                    && r.cseq().method().equals("INVITE")).map(SipResponse.class::cast).findFirst().orElseThrow();
            SipUri bobContact = contactOf(ok);
            assertTrue(bobContact.secure(), "RFC 3261 §12.1.1: the 200 in a secure dialog has a sips: Contact: " + bobContact);
            assertEquals(bobTls, bobContact.port());

            SipRequest bye = aliceSent.stream().filter(m -> m instanceof SipRequest r && r.isMethod("BYE"))
                    .map(SipRequest.class::cast).findFirst().orElseThrow();
            assertEquals(bobContact, bye.requestUri(), "the BYE goes to bob's sips: Contact");
            assertEquals("TLS", bye.topVia().transport(), "and over TLS");
        }
    }

    @Test
    void aSipsLine_isTls_andItsAddressOfRecordIsSips() {
        LineConfig line = LineConfig.builder("alice", "example.com").transport(TransportKind.TLS).sips(true).build();
        assertEquals("sips:alice@example.com", line.addressOfRecord());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LineConfig.builder("alice", "example.com").sips(true).build());
        assertTrue(e.getMessage().contains("needs transport TLS"), e.getMessage());
    }
}
