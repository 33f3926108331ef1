package dev.parley.ua.internal.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.sip.message.Contact;
import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipUri;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The target set of RFC 3261 §8.1.3.4: q order, each URI once, the redirection bound. */
class RedirectTargetsTest {

    private static List<Contact> contacts(String... values) {
        return java.util.Arrays.stream(values).map(v -> new Contact(NameAddr.parse(v))).toList();
    }

    private static List<String> drain(RedirectTargets t) {
        List<String> out = new ArrayList<>();
        while (t.hasNext()) {
            out.add(t.next().toString());
        }
        return out;
    }

    @Test
    void decreasingQ_equalQKeepsTheServersOrder_malformedQLast() {
        RedirectTargets t = new RedirectTargets(SipUri.parse("sip:start@h"), 10);
        assertEquals(RedirectTargets.Verdict.FOLLOW, t.onRedirect(contacts("<sip:a@h>;q=0.5", "<sip:b@h>;q=x",
                "<sip:c@h>", "<sip:d@h>;q=0.5", "<tel:+1555>", "<sip:e@h>;q=1.0")));
        assertEquals(List.of("sip:c@h", "sip:e@h", "sip:a@h", "sip:d@h", "sip:b@h"), drain(t));
    }

    @Test
    void aUriAlreadyInTheSet_isNotTriedAgain_andOnlyKnownOnesIsALoop() {
        RedirectTargets t = new RedirectTargets(SipUri.parse("sip:a@h"), 10);
        assertEquals(RedirectTargets.Verdict.FOLLOW, t.onRedirect(contacts("<sip:b@h>", "<sip:a@h>")));
        assertEquals("sip:b@h", t.next().toString());
        assertEquals(RedirectTargets.Verdict.LOOP, t.onRedirect(contacts("<sip:a@h>", "<sip:b@h>")));
    }

    @Test
    void theBound_countsRedirectionsFollowed() {
        RedirectTargets t = new RedirectTargets(SipUri.parse("sip:a@h"), 2);
        t.onRedirect(contacts("<sip:b@h>", "<sip:c@h>", "<sip:d@h>"));
        t.next();
        t.next();
        assertEquals(2, t.followed());
        assertFalse(t.hasNext(), "d is left but the bound is reached");
        assertEquals(RedirectTargets.Verdict.TOO_MANY, t.onRedirect(contacts("<sip:e@h>")));
    }

    @Test
    void theSetIsBounded() {
        RedirectTargets t = new RedirectTargets(SipUri.parse("sip:a@h"), 31);
        String[] many = IntStream.range(0, 100).mapToObj(i -> "<sip:u" + i + "@h>").toArray(String[]::new);
        t.onRedirect(contacts(many));
        assertEquals(RedirectTargets.MAX_TARGETS - 1, drain(t).size());
    }

    @Test
    void applicationTargets_parseOrFail() {
        assertEquals(List.of(SipUri.parse("sip:carol@parley.test"), SipUri.parse("sip:vm@127.0.0.1:5099")),
                RedirectTargets.parse(List.of("carol", "sip:vm@127.0.0.1:5099"), "parley.test"));
        assertThrows(IllegalArgumentException.class, () -> RedirectTargets.parse(List.of(), "d"));
        assertThrows(IllegalArgumentException.class, () -> RedirectTargets.parse(List.of("sip:"), "d"));
    }
}
