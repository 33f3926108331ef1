package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.message.SipRequest;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import dev.parley.ua.fixture.Lab;
import dev.parley.sip.message.AuthHeader;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationTest {

    private static LineConfig alice(String password, int expiry) {
        return LineConfig.builder("alice", "parley.test").password(password).registrar("127.0.0.1:5060")
                .expirySeconds(expiry).build();
    }

    private static List<RegistrationState> states(Lab.Recorder r) {
        return r.registrations.stream().map(RegistrationStatus::state).toList();
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void register_answers401Digest_refreshesWithNextNonceCount_unregistersOnClose(double loss) {
        Lab lab = new Lab(11, loss);
        lab.registrar.user("alice", "secret");
        Lab.Recorder rec = new Lab.Recorder();
        SoftPhone phone = lab.phone(rec);
        PhoneLine line = phone.addLine(alice("secret", 600));
        assertTrue(lab.runUntil(() -> line.registration().state() == RegistrationState.REGISTERED, 60_000));
        assertEquals(List.of(RegistrationState.REGISTERING, RegistrationState.REGISTERED), states(rec));
        assertEquals(200, line.registration().statusCode());
        assertEquals(600, line.registration().expiresSeconds());
        assertEquals("sip:alice@127.0.0.1:5070", lab.registrar.binding("alice"));

        SipRequest authorized = lastRegister(lab);
        AuthHeader first = AuthHeader.parse(authorized.header("Authorization").orElseThrow());
        assertEquals("00000001", first.param("nc").orElseThrow());
        assertEquals("auth", first.qop().orElseThrow());
        assertEquals("op", first.opaque().orElseThrow(), "RFC 7616 §3.4: opaque is returned unchanged");

        // Refresh before expiry (600 s binding: 60 s early), reusing the realm's nonce with nc=2, no new 401.
        int before = lab.registrar.received().size();
        lab.time.advance(545_000);
        assertTrue(lab.runUntil(() -> lab.registrar.received().size() > before, 30_000));
        lab.runUntil(() -> false, 5_000);
        AuthHeader refresh = AuthHeader.parse(lastRegister(lab).header("Authorization").orElseThrow());
        assertEquals("00000002", refresh.param("nc").orElseThrow());
        assertEquals(RegistrationState.REGISTERED, line.registration().state());
        assertEquals(List.of(RegistrationState.REGISTERING, RegistrationState.REGISTERED, RegistrationState.REGISTERED),
                states(rec), "a refresh does not pass through REGISTERING");

        CompletableFuture<Void> closed = phone.closeAsync().toCompletableFuture();
        assertTrue(lab.runUntil(closed::isDone, 60_000));
        assertEquals(RegistrationState.UNREGISTERED, line.registration().state());
        assertNull(lab.registrar.binding("alice"), "RFC 3261 §10.2.2: Expires 0 removed the binding");
        assertEquals("0", lastRegister(lab).header("Expires").orElseThrow());
        // The SIP port is free again, and no timer of the phone is left once transactions have ended.
        lab.sip.bind(Endpoint.of(TransportKind.UDP, "127.0.0.1", 5070), (p, f) -> { }).close();
        lab.time.advance(40_000);
        assertEquals(0, lab.time.pendingTimers());
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void wrongPassword_failsWith401_thenRetriesAfterBackoff(double loss) {
        Lab lab = new Lab(12, loss);
        lab.registrar.user("alice", "secret");
        Lab.Recorder rec = new Lab.Recorder();
        PhoneLine line = lab.phone(rec).addLine(alice("wrong", 600));
        assertTrue(lab.runUntil(() -> line.registration().state() == RegistrationState.FAILED, 60_000));
        assertEquals(401, line.registration().statusCode());
        assertEquals("Unauthorized", line.registration().reason());
        int attempts = lab.registrar.received().size();
        lab.time.advance(14_000);
        assertEquals(attempts, lab.registrar.received().size(), "no retry before half the 30 s backoff");
        lab.time.advance(17_000);
        assertTrue(lab.registrar.received().size() > attempts, "retried within the 30 s backoff");
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void intervalTooBrief_423_retriesWithMinExpires(double loss) {
        Lab lab = new Lab(13, loss);
        lab.registrar.user("alice", "secret").minExpires(120);
        Lab.Recorder rec = new Lab.Recorder();
        PhoneLine line = lab.phone(rec).addLine(alice("secret", 30));
        assertTrue(lab.runUntil(() -> line.registration().state() == RegistrationState.REGISTERED, 60_000));
        assertEquals(120, line.registration().expiresSeconds());
        assertEquals("120", lastRegister(lab).header("Expires").orElseThrow());
    }

    @ParameterizedTest(name = "SIP loss {0}")
    @ValueSource(doubles = {0.0, 0.1})
    void staleNonce_isAnsweredWithoutFailing(double loss) {
        Lab lab = new Lab(14, loss);
        lab.registrar.user("alice", "secret");
        Lab.Recorder rec = new Lab.Recorder();
        PhoneLine line = lab.phone(rec).addLine(alice("secret", 600));
        assertTrue(lab.runUntil(() -> line.registration().state() == RegistrationState.REGISTERED, 60_000));
        lab.registrar.rotateNonce();
        CompletableFuture<RegistrationStatus> again = line.register().toCompletableFuture();
        assertTrue(lab.runUntil(again::isDone, 60_000));
        assertEquals(RegistrationState.REGISTERED, again.join().state());
        assertFalse(states(rec).contains(RegistrationState.FAILED));
    }

    @org.junit.jupiter.api.Test
    void silentRegistrar_failsWith408AfterTimerF() {
        Lab lab = new Lab(15, 0);
        lab.registrar.silent(true);
        Lab.Recorder rec = new Lab.Recorder();
        PhoneLine line = lab.phone(rec).addLine(alice("secret", 600));
        lab.time.advance(31_000);
        assertEquals(RegistrationState.REGISTERING, line.registration().state());
        lab.time.advance(2_000);
        assertEquals(RegistrationState.FAILED, line.registration().state());
        assertEquals(408, line.registration().statusCode());
    }

    private static SipRequest lastRegister(Lab lab) {
        List<SipRequest> all = lab.registrar.received();
        return all.get(all.size() - 1);
    }
}
