package dev.parley.cli.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.message.SipMethod;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3261 §10.3 registrar behaviour, in virtual time over the in-memory network. */
class RegistrarTest {

    private final ProxyLab lab = new ProxyLab(RegistrarConfig.DEFAULT);
    private final ProxyLab.RawPeer alice = lab.new RawPeer(Endpoint.of(TransportKind.UDP, "127.0.0.1", 5061));

    @Test
    void register_withoutCredentials_isChallengedWithSha256ThenMd5() {
        alice.sendToProxy(alice.register("alice", "<sip:alice@127.0.0.1:5061>", 1).build());
        SipResponse r = alice.lastResponse();
        assertEquals(401, r.statusCode());
        assertTrue(r.toTag().isPresent(), "a UAS adds a To tag (§8.2.6.2)");
        List<String> challenges = r.headerLines("WWW-Authenticate");
        assertEquals(2, challenges.size());
        assertTrue(challenges.get(0).contains("algorithm=SHA-256"), challenges.get(0));
        assertTrue(challenges.get(1).contains("algorithm=MD5"), challenges.get(1));
        for (String c : challenges) {
            assertTrue(c.startsWith("Digest realm=\"parley\", nonce=\""), c);
            assertTrue(c.contains("qop=\"auth\""), c);
            assertTrue(!c.contains("stale"), c);
        }
        assertTrue(lab.server.bindings("alice").isEmpty());
    }

    @Test
    void register_withCorrectCredentials_gets200ListingTheBinding() {
        SipResponse ok = lab.registerWithAuth(alice, "alice", "wonderland", "<sip:alice@127.0.0.1:5061>", 1);
        assertEquals(200, ok.statusCode());
        assertEquals(List.of("<sip:alice@127.0.0.1:5061>;expires=3600"), ok.headerValues("Contact"));
        assertEquals(1, lab.server.bindings("alice").size());
        assertEquals(5061, ((dev.parley.sip.message.SipUri) lab.server.bindings("alice").get(0).contact().uri()).port());
    }

    @Test
    void register_withMd5Credentials_isAcceptedToo() {
        alice.sendToProxy(alice.register("alice", "<sip:alice@127.0.0.1:5061>", 1).build());
        String md5 = alice.lastResponse().headerLines("WWW-Authenticate").get(1);
        String auth = ProxyLab.authorization(md5, "alice", "wonderland", SipMethod.REGISTER, "sip:127.0.0.1", 1);
        alice.sendToProxy(alice.register("alice", "<sip:alice@127.0.0.1:5061>", 2).add("Authorization", auth).build());
        assertEquals(200, alice.lastResponse().statusCode());
    }

    @Test
    void register_withWrongPassword_gets403AndNoBinding() {
        SipResponse r = lab.registerWithAuth(alice, "alice", "looking-glass", "<sip:alice@127.0.0.1:5061>", 1);
        assertEquals(403, r.statusCode());
        assertTrue(lab.server.bindings("alice").isEmpty());
    }

    @Test
    void register_forAnotherUsersAor_gets403() {
        alice.sendToProxy(alice.register("bob", "<sip:bob@127.0.0.1:5061>", 1).build());
        String auth = ProxyLab.authorization(alice.lastResponse().headerLines("WWW-Authenticate").get(0), "alice",
                "wonderland", SipMethod.REGISTER, "sip:127.0.0.1", 1);
        alice.sendToProxy(alice.register("bob", "<sip:bob@127.0.0.1:5061>", 2).add("Authorization", auth).build());
        assertEquals(403, alice.lastResponse().statusCode());
        assertTrue(lab.server.bindings("bob").isEmpty());
    }

    @Test
    void register_afterNonceLifetime_isChallengedWithStaleTrue() {
        alice.sendToProxy(alice.register("alice", "<sip:alice@127.0.0.1:5061>", 1).build());
        String challenge = alice.lastResponse().headerLines("WWW-Authenticate").get(0);
        lab.time.advance(RegistrarConfig.DEFAULT.nonceLifetimeMillis());
        String auth = ProxyLab.authorization(challenge, "alice", "wonderland", SipMethod.REGISTER, "sip:127.0.0.1", 1);
        alice.sendToProxy(alice.register("alice", "<sip:alice@127.0.0.1:5061>", 2).add("Authorization", auth).build());
        SipResponse r = alice.lastResponse();
        assertEquals(401, r.statusCode());
        assertTrue(r.headerLines("WWW-Authenticate").stream().allMatch(c -> c.endsWith("stale=true")), r.toString());
        assertTrue(lab.server.bindings("alice").isEmpty());
    }

    @Test
    void register_replayingANonceCount_isChallengedWithStaleTrue() {
        alice.sendToProxy(alice.register("alice", "<sip:alice@127.0.0.1:5061>", 1).build());
        String challenge = alice.lastResponse().headerLines("WWW-Authenticate").get(0);
        String auth = ProxyLab.authorization(challenge, "alice", "wonderland", SipMethod.REGISTER, "sip:127.0.0.1", 1);
        alice.sendToProxy(alice.register("alice", "<sip:alice@127.0.0.1:5061>", 2).add("Authorization", auth).build());
        assertEquals(200, alice.lastResponse().statusCode());
        alice.sendToProxy(alice.register("alice", "<sip:alice@127.0.0.1:5061>", 3).add("Authorization", auth).build());
        assertEquals(401, alice.lastResponse().statusCode());
        assertTrue(alice.lastResponse().headerLines("WWW-Authenticate").get(0).endsWith("stale=true"));
        String next = ProxyLab.authorization(challenge, "alice", "wonderland", SipMethod.REGISTER, "sip:127.0.0.1", 2);
        alice.sendToProxy(alice.register("alice", "<sip:alice@127.0.0.1:5061>", 4).add("Authorization", next).build());
        assertEquals(200, alice.lastResponse().statusCode(), "nc 2 with the same nonce is fresh");
    }

    @Test
    void register_withMalformedCredentials_gets400() {
        alice.sendToProxy(alice.register("alice", "<sip:alice@127.0.0.1:5061>", 1)
                .add("Authorization", "Digest realm=\"parley\", username=\"alice\", nonce=\"x\"").build());
        SipResponse r = alice.lastResponse();
        assertEquals(400, r.statusCode());
        assertTrue(r.reasonPhrase().contains("lack"), r.reasonPhrase());
    }

    @Test
    void binding_expires_andTheTimerRemovesIt() {
        SipResponse ok = lab.registerWithAuth(alice, "alice", "wonderland", "<sip:alice@127.0.0.1:5061>;expires=60", 1);
        assertEquals(List.of("<sip:alice@127.0.0.1:5061>;expires=60"), ok.headerValues("Contact"));
        lab.time.advance(57_000);
        assertEquals(1, lab.server.bindings("alice").size());
        assertEquals(1, lab.server.storedBindings());
        lab.time.advance(3_000);
        assertTrue(lab.server.bindings("alice").isEmpty(), "lapsed at its expiry");
        assertEquals(0, lab.server.storedBindings(), "the sweep timer removed it from the table");
    }

    @Test
    void expires_tooBrief_gets423WithMinExpires() {
        SipResponse r = lab.registerWithAuth(alice, "alice", "wonderland", "<sip:alice@127.0.0.1:5061>;expires=30", 1);
        assertEquals(423, r.statusCode());
        assertEquals("60", r.header("Min-Expires").orElseThrow());
        assertTrue(lab.server.bindings("alice").isEmpty());
    }

    @Test
    void expires_longerThanMax_isShortened() {
        SipResponse r = lab.registerWithAuth(alice, "alice", "wonderland", "<sip:alice@127.0.0.1:5061>;expires=86400", 1);
        assertEquals(List.of("<sip:alice@127.0.0.1:5061>;expires=3600"), r.headerValues("Contact"));
    }

    @Test
    void wildcardWithExpiresZero_removesEveryBinding() {
        lab.registerWithAuth(alice, "alice", "wonderland", "<sip:alice@127.0.0.1:5061>, <sip:alice@127.0.0.1:5062>", 1);
        assertEquals(2, lab.server.bindings("alice").size());
        SipResponse r = lab.registerWithAuth(alice, "alice", "wonderland", "*", 3);
        assertEquals(400, r.statusCode(), "* without Expires: 0");
        alice.sendToProxy(alice.register("alice", "*", 5).add("Expires", "0").build());
        String auth = ProxyLab.authorization(alice.lastResponse().headerLines("WWW-Authenticate").get(0), "alice",
                "wonderland", SipMethod.REGISTER, "sip:127.0.0.1", 1);
        alice.sendToProxy(alice.register("alice", "*", 6).add("Expires", "0").add("Authorization", auth).build());
        SipResponse ok = alice.lastResponse();
        assertEquals(200, ok.statusCode());
        assertTrue(ok.headerValues("Contact").isEmpty());
        assertTrue(lab.server.bindings("alice").isEmpty());
    }

    @Test
    void contactWithExpiresZero_removesOnlyThatBinding() {
        lab.registerWithAuth(alice, "alice", "wonderland", "<sip:alice@127.0.0.1:5061>, <sip:alice@127.0.0.1:5062>", 1);
        SipResponse r = lab.registerWithAuth(alice, "alice", "wonderland", "<sip:alice@127.0.0.1:5062>;expires=0", 3);
        // Registered at 1 s of virtual time for 3600 s; listed at 3 s with the time left.
        assertEquals(List.of("<sip:alice@127.0.0.1:5061>;expires=3598"), r.headerValues("Contact"));
    }

    @Test
    void registerWithoutContact_isAQueryListingTheBindings() {
        lab.registerWithAuth(alice, "alice", "wonderland", "<sip:alice@127.0.0.1:5061>", 1);
        lab.time.advance(10_000);
        SipResponse r = lab.registerWithAuth(alice, "alice", "wonderland", null, 3);
        assertEquals(200, r.statusCode());
        assertEquals(List.of("<sip:alice@127.0.0.1:5061>;expires=3588"), r.headerValues("Contact"));
    }

    @Test
    void sameCallIdWithLowerCSeq_doesNotChangeTheBinding() {
        lab.registerWithAuth(alice, "alice", "wonderland", "<sip:alice@127.0.0.1:5061>", 10);
        SipResponse r = lab.registerWithAuth(alice, "alice", "wonderland", "<sip:alice@127.0.0.1:5061>;expires=0", 3);
        assertEquals(500, r.statusCode());
        assertEquals(1, lab.server.bindings("alice").size());
    }

    @Test
    void moreContactsThanTheBound_get503() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= RegistrarConfig.DEFAULT.maxBindingsPerAor(); i++) {
            many.append(i == 0 ? "" : ", ").append("<sip:alice@127.0.0.1:").append(6000 + i).append('>');
        }
        SipResponse r = lab.registerWithAuth(alice, "alice", "wonderland", many.toString(), 1);
        assertEquals(503, r.statusCode());
        assertEquals(0, lab.server.storedBindings());
    }

    @Test
    void requireOfAnUnknownExtension_gets420() {
        alice.sendToProxy(alice.register("alice", "<sip:alice@127.0.0.1:5061>", 1).add("Require", "gruu").build());
        assertEquals(420, alice.lastResponse().statusCode());
        assertEquals("gruu", alice.lastResponse().header("Unsupported").orElseThrow());
    }
}
