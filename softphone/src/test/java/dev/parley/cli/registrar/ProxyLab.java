package dev.parley.cli.registrar;

import dev.parley.sip.message.Contact;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.ParserLimits;
import dev.parley.sip.message.SipMessage;
import dev.parley.sip.message.SipMessageBuilder;
import dev.parley.sip.message.SipMethod;
import dev.parley.sip.message.SipParser;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Via;
import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transaction.TransactionStack;
import dev.parley.sip.transaction.VirtualTime;
import dev.parley.sip.transaction.peer.AnsweringUas;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.InMemoryNetwork;
import dev.parley.sip.transport.TransportKind;
import dev.parley.sip.message.AuthHeader;
import dev.parley.ua.internal.auth.DigestAlgorithm;
import dev.parley.ua.internal.auth.DigestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A registrar/proxy on its own stack, in virtual time, over an in-memory network: raw peers send
 * hand-made requests and keep what they receive; an {@link AnsweringUas} plays a registered phone.
 */
final class ProxyLab {

    static final Endpoint PROXY = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5060);
    static final Endpoint PHONE = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5070);
    static final UsersFile USERS = UsersFile.parse("alice:wonderland\nbob:builder\ncarol:singer\n");

    final VirtualTime time = new VirtualTime();
    final InMemoryNetwork<byte[]> network = new InMemoryNetwork<>(time, 7, 10_000);
    final RegistrarServer server;
    final TransactionStack proxyStack;
    final List<Sent> wire = new ArrayList<>();
    final List<SipRequest> registered = new ArrayList<>();
    private final SipParser parser = new SipParser(ParserLimits.DEFAULT);
    private long branches;

    /** One message the network carried. */
    record Sent(Endpoint from, Endpoint to, SipMessage message) {
    }

    ProxyLab(RegistrarConfig config) {
        server = new RegistrarServer(time, PROXY.address(), config, USERS, new SplittableRandom(1), new RegistrarListener() {
            @Override
            public void onRegister(SipRequest request, SipResponse response) {
                registered.add(request);
            }
        });
        TransactionStack[] holder = new TransactionStack[1];
        InMemoryNetwork<byte[]>.Port port = network.bind(PROXY, (d, from) -> holder[0].receiveDatagram(d, 0, d.length, from));
        proxyStack = new TransactionStack(time, TimerConfig.DEFAULT, ParserLimits.DEFAULT, port::send, server,
                PROXY.address(), new SplittableRandom(2), 1000);
        holder[0] = proxyStack;
        server.attach(proxyStack);
        network.tap((at, from, to, payload, fate) -> wire.add(new Sent(from, to, parser.parse(payload, 0, payload.length))));
    }

    /** An endpoint that sends what the test says and keeps every message it receives. */
    final class RawPeer {
        final Endpoint local;
        final List<SipMessage> received = new ArrayList<>();
        private final InMemoryNetwork<byte[]>.Port port;

        RawPeer(Endpoint local) {
            this.local = local;
            this.port = network.bind(local, (d, from) -> received.add(parser.parse(d, 0, d.length)));
        }

        void send(SipMessage message, Endpoint to) {
            port.send(message.toBytes(), to);
        }

        /** Sends raw bytes (possibly not a valid message) to the proxy. */
        void sendBytes(byte[] datagram) {
            port.send(datagram, PROXY);
        }

        /** Sends to the proxy and lets one second of virtual time pass. */
        void sendToProxy(SipMessage message) {
            send(message, PROXY);
            time.advance(1000);
        }

        List<SipResponse> responses(String cseqMethod) {
            return received.stream().filter(m -> m instanceof SipResponse r && r.cseq().method().equals(cseqMethod))
                    .map(SipResponse.class::cast).toList();
        }

        SipResponse lastResponse() {
            for (int i = received.size() - 1; i >= 0; i--) {
                if (received.get(i) instanceof SipResponse r) {
                    return r;
                }
            }
            throw new AssertionError("no response received at " + local);
        }

        Via via() {
            return Via.of("UDP", "127.0.0.1", local.address().getPort(), Via.MAGIC_COOKIE + "t" + (++branches));
        }

        /** A REGISTER for {@code user} from this peer; {@code contact} null leaves Contact out. */
        SipMessageBuilder<SipRequest> register(String user, String contact, long cseq) {
            SipUri aor = SipUri.of(user, "127.0.0.1");
            var b = SipRequest.builder(SipMethod.REGISTER, SipUri.of(null, "127.0.0.1"))
                    .via(via()).maxForwards(70)
                    .from(NameAddr.of(aor).withTag("f" + user)).to(NameAddr.of(aor))
                    .callId("reg-" + user + "-" + local.address().getPort()).cseq(cseq, SipMethod.REGISTER);
            if (contact != null) {
                b.add("Contact", contact);
            }
            return b;
        }

        /** An initial request (no To tag) from {@code from} to {@code requestUri}. */
        SipMessageBuilder<SipRequest> request(String method, String requestUri, String from, String callId, long cseq) {
            SipUri me = SipUri.of(from, "127.0.0.1", local.address().getPort());
            return SipRequest.builder(method, SipUri.parse(requestUri))
                    .via(via()).maxForwards(70)
                    .from(NameAddr.of(SipUri.of(from, "127.0.0.1")).withTag("t" + from)).to(NameAddr.parse("<" + requestUri + ">"))
                    .callId(callId).cseq(cseq, method).contact(Contact.of(me));
        }
    }

    /** Registers {@code user} with a contact through the full 401 → 200 exchange; returns the 200. */
    SipResponse registerWithAuth(RawPeer peer, String user, String password, String contact, long cseq) {
        peer.sendToProxy(peer.register(user, contact, cseq).build());
        SipResponse challenge = peer.lastResponse();
        if (challenge.statusCode() != 401) {
            throw new AssertionError("expected 401, got " + challenge.statusCode());
        }
        String authorization = authorization(challenge.headerLines("WWW-Authenticate").get(0), user, password,
                SipMethod.REGISTER, "sip:127.0.0.1", 1);
        peer.sendToProxy(peer.register(user, contact, cseq + 1).add("Authorization", authorization).build());
        return peer.lastResponse();
    }

    /** The credentials a UA computes for a challenge (RFC 7616 §3.4, qop=auth). */
    static String authorization(String challenge, String user, String password, String method, String uri, long nc) {
        AuthHeader p = AuthHeader.parse(challenge);
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(p.param("algorithm").orElse(null)).orElseThrow();
        String realm = p.realm().orElseThrow();
        String nonce = p.nonce().orElseThrow();
        DigestResponse r = new DigestResponse(algorithm, user, realm, password, method, uri, nonce, "auth", nc, "c0ffee");
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"" + uri + "\", response=\"" + r.compute() + "\", algorithm=" + algorithm.token()
                + ", qop=auth, nc=" + r.nonceCountHex() + ", cnonce=\"c0ffee\"";
    }

    /** An answering phone on its own stack at {@link #PHONE}. */
    AnsweringUas phone(long ringMillis) {
        AnsweringUas uas = new AnsweringUas(time, TimerConfig.DEFAULT, PHONE.address(), ringMillis, 100);
        TransactionStack[] holder = new TransactionStack[1];
        InMemoryNetwork<byte[]>.Port port = network.bind(PHONE, (d, from) -> holder[0].receiveDatagram(d, 0, d.length, from));
        holder[0] = new TransactionStack(time, TimerConfig.DEFAULT, ParserLimits.DEFAULT, port::send, uas, PHONE.address(),
                new SplittableRandom(3), 1000);
        return uas;
    }

    /** Messages the network carried from {@code from} to {@code to}. */
    List<SipMessage> carried(Endpoint from, Endpoint to) {
        return wire.stream().filter(s -> s.from().equals(from) && s.to().equals(to)).map(Sent::message).toList();
    }
}
