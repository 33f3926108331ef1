package dev.parley.cli.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipMessage;
import dev.parley.sip.message.SipMethod;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.peer.AnsweringUas;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 §16 proxy behaviour, in virtual time over the in-memory network. */
class ProxyTest {

    private static final Endpoint CALLER = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5080);
    private static final String RECORD_ROUTE = "<sip:127.0.0.1:5060;lr>";

    private final ProxyLab lab = new ProxyLab(RegistrarConfig.DEFAULT);
    private final ProxyLab.RawPeer caller = lab.new RawPeer(CALLER);

    /** Registers bob at the answering phone's address. */
    private void registerBob() {
        ProxyLab.RawPeer registrant = lab.new RawPeer(Endpoint.of(TransportKind.UDP, "127.0.0.1", 5071));
        SipResponse ok = lab.registerWithAuth(registrant, "bob", "builder", "<sip:bob@127.0.0.1:5070>", 1);
        assertEquals(200, ok.statusCode());
    }

    private SipRequest forwardedToPhone(String method) {
        return lab.carried(ProxyLab.PROXY, ProxyLab.PHONE).stream()
                .filter(m -> m instanceof SipRequest r && r.isMethod(method)).map(SipRequest.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no " + method + " reached the phone"));
    }

    @Test
    void invite_reachesTheRegisteredContact_recordRouted_andTheByeFollowsTheRoute() {
        AnsweringUas phone = lab.phone(0);
        registerBob();
        caller.sendToProxy(caller.request(SipMethod.INVITE, "sip:bob@127.0.0.1:5060", "alice", "call-1", 1).build());

        SipRequest atPhone = forwardedToPhone(SipMethod.INVITE);
        assertEquals("sip:bob@127.0.0.1:5070", atPhone.requestUriText(), "§16.6 step 2: retargeted to the binding");
        assertEquals(69, atPhone.maxForwards().getAsInt(), "§16.6 step 3: decremented");
        assertEquals(2, atPhone.vias().size(), "§16.6 step 8: the proxy's Via on top");
        assertEquals(5060, atPhone.topVia().port());
        assertEquals(List.of(RECORD_ROUTE), atPhone.headerValues("Record-Route"));
        assertEquals(1, phone.answered());

        List<SipResponse> toInvite = caller.responses(SipMethod.INVITE);
        assertEquals(100, toInvite.get(0).statusCode());
        SipResponse ok = toInvite.stream().filter(SipResponse::isSuccess).findFirst().orElseThrow();
        assertEquals(1, ok.vias().size(), "§16.7 step 3: the proxy removed its Via");
        assertEquals(5080, ok.topVia().port());

        // RFC 3261 §12.1.2: the caller's route set is the Record-Route reversed; its target the 2xx Contact.
        // (AnsweringUas does not echo Record-Route in its 2xx, so the route set is the one the phone saw.)
        String remoteTarget = ok.contacts().get(0).address().uri().toString();
        SipRequest ack = SipRequest.builder(SipMethod.ACK, ok.contacts().get(0).address().uri())
                .via(caller.via()).maxForwards(70).from(NameAddr.parse("<sip:alice@127.0.0.1>;tag=talice"))
                .to(ok.to()).callId("call-1").cseq(1, SipMethod.ACK).add("Route", RECORD_ROUTE).build();
        caller.sendToProxy(ack);
        assertEquals(1, phone.acked(), "the ACK for the 2xx was forwarded by Route");
        SipRequest ackAtPhone = forwardedToPhone(SipMethod.ACK);
        assertEquals(remoteTarget, ackAtPhone.requestUriText());
        assertTrue(ackAtPhone.routes().isEmpty(), "§16.4: the proxy removed its own Route value");

        SipRequest bye = SipRequest.builder(SipMethod.BYE, ok.contacts().get(0).address().uri())
                .via(caller.via()).maxForwards(70).from(NameAddr.parse("<sip:alice@127.0.0.1>;tag=talice"))
                .to(ok.to()).callId("call-1").cseq(2, SipMethod.BYE).add("Route", RECORD_ROUTE).build();
        caller.sendToProxy(bye);
        assertEquals(1, phone.byes(), "the BYE went through the proxy to the phone");
        SipRequest byeAtPhone = forwardedToPhone(SipMethod.BYE);
        assertEquals(68 + 1, byeAtPhone.maxForwards().getAsInt());
        assertTrue(byeAtPhone.headerValues("Record-Route").isEmpty(), "in-dialog requests are not record-routed again");
        assertEquals(200, caller.responses(SipMethod.BYE).get(0).statusCode());
    }

    @Test
    void recordRouteOfThe2xx_reachesTheCaller_andTheCalleesByeComesBackThroughTheProxy() {
        registerBob();
        ProxyLab.RawPeer callee = lab.new RawPeer(ProxyLab.PHONE);
        caller.sendToProxy(caller.request(SipMethod.INVITE, "sip:bob@127.0.0.1:5060", "alice", "call-7", 1).build());
        SipRequest atCallee = (SipRequest) callee.received.get(0);
        // RFC 3261 §12.1.1: the UAS copies Record-Route into its 2xx.
        SipResponse ok = atCallee.createResponse(200, "OK", "tbob").toBuilder()
                .add("Record-Route", atCallee.header("Record-Route").orElseThrow())
                .add("Contact", "<sip:bob@127.0.0.1:5070>").build();
        callee.send(ok, ProxyLab.PROXY);
        lab.time.advance(1000);
        SipResponse atCaller = caller.responses(SipMethod.INVITE).stream().filter(SipResponse::isSuccess).findFirst().orElseThrow();
        assertEquals(List.of(RECORD_ROUTE), atCaller.headerValues("Record-Route"), "§16.7: relayed unchanged");

        // The callee hangs up: its route set is the Record-Route in order, its target the caller's Contact.
        SipRequest bye = SipRequest.builder(SipMethod.BYE, atCallee.contacts().get(0).address().uri())
                .via(callee.via()).maxForwards(70).from(atCallee.to().withTag("tbob")).to(atCallee.from())
                .callId("call-7").cseq(1, SipMethod.BYE).add("Route", RECORD_ROUTE).build();
        callee.sendToProxy(bye);
        List<SipMessage> atCallerSide = lab.carried(ProxyLab.PROXY, CALLER);
        SipRequest byeAtCaller = atCallerSide.stream().filter(m -> m instanceof SipRequest r && r.isMethod(SipMethod.BYE))
                .map(SipRequest.class::cast).findFirst().orElseThrow(() -> new AssertionError("BYE did not reach the caller"));
        assertEquals("sip:alice@127.0.0.1:5080", byeAtCaller.requestUriText());
        assertTrue(byeAtCaller.routes().isEmpty());
        assertEquals(2, byeAtCaller.vias().size());
        caller.send(byeAtCaller.createResponse(200), ProxyLab.PROXY);
        lab.time.advance(1000);
        assertEquals(200, callee.responses(SipMethod.BYE).get(0).statusCode(), "the 200 came back through the proxy");
    }

    @Test
    void contactWithAHostName_isReachedWhereItsRegisterCameFrom() {
        ProxyLab.RawPeer bobPc = lab.new RawPeer(ProxyLab.PHONE);
        assertEquals(200, lab.registerWithAuth(bobPc, "bob", "builder", "<sip:bob@bob-pc.invalid>", 1).statusCode());
        caller.sendToProxy(caller.request(SipMethod.INVITE, "sip:bob@127.0.0.1:5060", "alice", "call-9", 1).build());
        SipRequest atBob = forwardedToPhone(SipMethod.INVITE);
        assertEquals("sip:bob@bob-pc.invalid", atBob.requestUriText());
    }

    @Test
    void invite_forAnUnknownUser_gets404_andIsNotForwarded() {
        caller.sendToProxy(caller.request(SipMethod.INVITE, "sip:mallory@127.0.0.1:5060", "alice", "call-2", 1).build());
        assertEquals(404, caller.lastResponse().statusCode());
        assertTrue(lab.carried(ProxyLab.PROXY, ProxyLab.PHONE).isEmpty());
    }

    @Test
    void invite_forAKnownButUnregisteredUser_gets480() {
        caller.sendToProxy(caller.request(SipMethod.INVITE, "sip:carol@127.0.0.1:5060", "alice", "call-3", 1).build());
        assertEquals(480, caller.lastResponse().statusCode());
    }

    @Test
    void maxForwardsZero_gets483_andIsNotForwarded() {
        lab.phone(0);
        registerBob();
        caller.sendToProxy(caller.request(SipMethod.INVITE, "sip:bob@127.0.0.1:5060", "alice", "call-4", 1)
                .maxForwards(0).build());
        assertEquals(483, caller.lastResponse().statusCode());
        assertTrue(lab.carried(ProxyLab.PROXY, ProxyLab.PHONE).stream().noneMatch(m -> m instanceof SipRequest r && r.isMethod("INVITE")));
    }

    @Test
    void cancel_isPassedOnAndThe487Relayed() {
        AnsweringUas phone = lab.phone(60_000);
        registerBob();
        SipRequest invite = caller.request(SipMethod.INVITE, "sip:bob@127.0.0.1:5060", "alice", "call-5", 1).build();
        caller.sendToProxy(invite);
        assertEquals(180, caller.lastResponse().statusCode());
        // RFC 3261 §9.1: the CANCEL has the INVITE's Via, Request-URI, Call-ID, From, To and CSeq number.
        SipRequest cancel = SipRequest.builder(SipMethod.CANCEL, invite.requestUri()).via(invite.topVia()).maxForwards(70)
                .from(invite.from()).to(invite.to()).callId("call-5").cseq(1, SipMethod.CANCEL).build();
        caller.sendToProxy(cancel);
        assertEquals(200, caller.responses(SipMethod.CANCEL).get(0).statusCode());
        assertEquals(1, phone.cancelled());
        assertEquals(487, caller.responses(SipMethod.INVITE).stream().filter(SipResponse::isFinal).findFirst()
                .orElseThrow().statusCode());
        SipRequest cancelAtPhone = forwardedToPhone(SipMethod.CANCEL);
        assertEquals(forwardedToPhone(SipMethod.INVITE).topVia(), cancelAtPhone.topVia(), "§9.1: same branch as the forwarded INVITE");
        lab.time.advance(40_000);
        assertEquals(0, lab.server.pendingInvites());
    }

    @Test
    void withAuthenticatedInvites_anInviteWithoutCredentialsGets407_andWithThemIsForwarded() {
        ProxyLab strict = new ProxyLab(RegistrarConfig.DEFAULT.withAuthenticateInvites(true));
        AnsweringUas phone = strict.phone(0);
        ProxyLab.RawPeer registrant = strict.new RawPeer(Endpoint.of(TransportKind.UDP, "127.0.0.1", 5071));
        strict.registerWithAuth(registrant, "bob", "builder", "<sip:bob@127.0.0.1:5070>", 1);
        ProxyLab.RawPeer alice = strict.new RawPeer(CALLER);
        alice.sendToProxy(alice.request(SipMethod.INVITE, "sip:bob@127.0.0.1:5060", "alice", "call-6", 1).build());
        SipResponse challenge = alice.lastResponse();
        assertEquals(407, challenge.statusCode());
        assertEquals(2, challenge.headerLines("Proxy-Authenticate").size());
        assertEquals(0, phone.answered());
        String credentials = ProxyLab.authorization(challenge.headerLines("Proxy-Authenticate").get(0), "alice",
                "wonderland", SipMethod.INVITE, "sip:bob@127.0.0.1:5060", 1);
        alice.sendToProxy(alice.request(SipMethod.INVITE, "sip:bob@127.0.0.1:5060", "alice", "call-6", 2)
                .add("Proxy-Authorization", credentials).build());
        assertEquals(1, phone.answered());
        assertTrue(alice.responses(SipMethod.INVITE).stream().anyMatch(SipResponse::isSuccess));
    }

    @Test
    void proxyRequire_gets420WithUnsupported() {
        caller.sendToProxy(caller.request(SipMethod.INVITE, "sip:bob@127.0.0.1:5060", "alice", "call-8", 1)
                .add("Proxy-Require", "foo").build());
        SipResponse r = caller.lastResponse();
        assertEquals(420, r.statusCode());
        assertEquals("foo", r.header("Unsupported").orElseThrow());
    }

    @Test
    void requestFromAStrictRouter_takesItsRequestUriFromTheLastRoute() {
        AnsweringUas phone = lab.phone(0);
        // RFC 3261 §16.4: the Request-URI names this proxy, so the last Route value is the real target.
        SipRequest options = SipRequest.builder(SipMethod.OPTIONS, dev.parley.sip.message.SipUri.parse("sip:127.0.0.1:5060;lr"))
                .via(caller.via()).maxForwards(70).from(NameAddr.parse("<sip:alice@127.0.0.1>;tag=s1"))
                .to(NameAddr.parse("<sip:uas@127.0.0.1:5070>")).callId("strict-1").cseq(1, SipMethod.OPTIONS)
                .add("Route", "<sip:uas@127.0.0.1:5070>").build();
        caller.sendToProxy(options);
        SipRequest atPhone = forwardedToPhone(SipMethod.OPTIONS);
        assertEquals("sip:uas@127.0.0.1:5070", atPhone.requestUriText());
        assertTrue(atPhone.routes().isEmpty());
        assertEquals(200, caller.lastResponse().statusCode());
    }

    @Test
    void optionsToTheProxyItself_isAnswered200() {
        caller.sendToProxy(caller.request(SipMethod.OPTIONS, "sip:127.0.0.1:5060", "alice", "opt-1", 1).build());
        SipMessage r = caller.lastResponse();
        assertEquals(200, ((SipResponse) r).statusCode());
        assertTrue(r.header("Allow").orElseThrow().contains("INVITE"));
    }
}
