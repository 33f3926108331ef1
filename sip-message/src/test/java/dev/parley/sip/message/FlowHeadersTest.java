package dev.parley.sip.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed views of the headers the call flows rely on (RFC 3665, RFC 5589). */
class FlowHeadersTest {

    static SipMessage flow(String folder, String file) {
        // RFC 5589 prints "Content-Length: ..."; the harness puts in the size INDEX.tsv gives.
        String key = folder + "/" + file;
        return new SipParser().parse(CorpusConformanceTest.messageBytes("flows", key,
                SharedCorpus.corpus("flows").resolve(folder).resolve(file), CorpusConformanceTest.flowBodySizes()));
    }

    @Test
    void rfc3665_2_1_digestChallengeAndCredentials() {
        AuthHeader challenge = flow("rfc3665-2.1-registration", "F2.dat").authHeaders("WWW-Authenticate").get(0);
        assertTrue(challenge.isDigest());
        assertEquals("atlanta.example.com", challenge.realm().orElseThrow());
        assertEquals("auth", challenge.qop().orElseThrow());
        assertEquals("MD5", challenge.algorithm());
        assertFalse(challenge.isStale());
        AuthHeader credentials = flow("rfc3665-2.2-update-contacts", "F1.dat").authHeaders("Authorization").get(0);
        assertEquals("bob", credentials.username().orElseThrow());
        assertTrue(credentials.response().isPresent());
        assertEquals(credentials, AuthHeaderOf(credentials.toString()));
    }

    private static AuthHeader AuthHeaderOf(String text) {
        SipMessage m = SipResponse.builder(401, "Unauthorized").add("Authorization", text).build();
        return m.authHeaders("authorization").get(0);
    }

    @Test
    void rfc3665_2_1_F3_typoMissingCommaIsRejectedByTheCredentialsView() {
        SipMessage m = flow("rfc3665-2.1-registration", "F3.dat").validate();
        SipParseException e = assertThrows(SipParseException.class, () -> m.authHeaders("Authorization"));
        assertEquals(SipParseException.Reason.BAD_HEADER_VALUE, e.reason());
        assertTrue(m.header("Authorization").orElseThrow().contains("realm=\"atlanta.example.com\" nonce="));
    }

    @Test
    void rfc5589_6_1_notifyCarriesEventSubscriptionStateAndSipfrag() {
        SipMessage notify = flow("rfc5589-6.1-basic-transfer", "F4.dat");
        assertEquals("refer", notify.event().orElseThrow().eventType());
        SubscriptionState state = notify.subscriptionState().orElseThrow();
        assertEquals("active", state.state());
        assertEquals(60, state.expires().getAsLong());
        assertTrue(notify.mediaType().orElseThrow().is("message/sipfrag"));
    }

    @Test
    void rfc5589_7_3_referToCarriesEscapedReplacesAndReplacesHeaderNamesTheDialog() {
        NameAddr referTo = flow("rfc5589-7.3-attended-transfer", "F5.dat").referTo().orElseThrow();
        String embedded = ((SipUri) referTo.uri()).headers().get("Replaces").orElseThrow();
        assertEquals("592435881734450904;to-tag=9m2n3wq;from-tag3D763231", embedded);
        Replaces r = flow("rfc5589-7.3-attended-transfer", "F6.dat").replaces().orElseThrow();
        assertEquals("592435881734450904", r.callId());
        assertEquals("9m2n3wq", r.toTag());
        assertEquals("763231", r.fromTag());
        assertFalse(r.earlyOnly());
    }

    @Test
    void tokenListsAreSplitOnCommas() {
        SipMessage m = SipResponse.builder(200, "OK").add("Allow", "INVITE, ACK,BYE").add("Supported", "replaces")
                .add("supported", "timer").build();
        assertEquals(List.of("INVITE", "ACK", "BYE"), m.tokens(HeaderNames.ALLOW));
        assertEquals(List.of("replaces", "timer"), m.tokens("k"));
    }
}
