package dev.parley.sip.message;

import dev.parley.sip.message.SipParseException.Reason;
import dev.parley.sip.message.internal.Chars;
import dev.parley.sip.message.internal.Cursor;

/** Grammar of the typed views beyond the core transaction headers. */
final class ExtensionHeaderParsers {

    private ExtensionHeaderParsers() {
    }

    /** RFC 3261 §20.15: media-type = m-type SLASH m-subtype *(SEMI m-parameter). */
    static MediaType mediaType(Cursor c) {
        c.skipLws();
        String type = c.token(Reason.BAD_HEADER_VALUE);
        c.expectSeparator('/', Reason.BAD_HEADER_VALUE);
        String subtype = c.token(Reason.BAD_HEADER_VALUE);
        Parameters params = HeaderParsers.params(c);
        end(c);
        return new MediaType(type, subtype, params);
    }

    /** RFC 6665 §8.4: Event = event-type *( SEMI event-param ). */
    static EventHeader event(Cursor c) {
        c.skipLws();
        String type = c.token(Reason.BAD_HEADER_VALUE);
        Parameters params = HeaderParsers.params(c);
        end(c);
        return new EventHeader(type, params);
    }

    /** RFC 6665 §8.4: Subscription-State = substate-value *( SEMI subexp-params ). */
    static SubscriptionState subscriptionState(Cursor c) {
        c.skipLws();
        String state = c.token(Reason.BAD_HEADER_VALUE);
        Parameters params = HeaderParsers.params(c);
        end(c);
        checkDigits(c, params, "expires");
        checkDigits(c, params, "retry-after");
        return new SubscriptionState(state, params);
    }

    /** RFC 3891 §6.1: Replaces = callid *(SEMI replaces-param), to-tag and from-tag required. */
    static Replaces replaces(Cursor c) {
        c.skipLws();
        int s = c.pos();
        c.span(Chars.WORD);
        if (c.peekIs('@')) {
            c.advance();
            c.span(Chars.WORD);
        }
        if (c.pos() == s) {
            throw c.error(Reason.BAD_HEADER_VALUE);
        }
        String callId = c.ascii(s, c.pos());
        Parameters params = HeaderParsers.params(c);
        end(c);
        String to = params.get("to-tag").orElse(null);
        String from = params.get("from-tag").orElse(null);
        if (to == null || from == null) {
            throw c.error(Reason.BAD_HEADER_VALUE);
        }
        return new Replaces(callId, to, from, params.contains("early-only"), params);
    }

    /**
     * RFC 3261 §25.1: challenge / credentials = auth-scheme LWS auth-param *(COMMA auth-param),
     * auth-param = auth-param-name EQUAL ( token / quoted-string ).
     */
    static AuthHeader auth(Cursor c) {
        c.skipLws();
        String scheme = c.token(Reason.BAD_HEADER_VALUE);
        int before = c.pos();
        c.skipLws();
        if (c.atEnd()) {
            return new AuthHeader(scheme, Parameters.EMPTY);
        }
        if (c.pos() == before) {
            throw c.error(Reason.BAD_HEADER_VALUE);
        }
        java.util.List<String> kv = new java.util.ArrayList<>(16);
        long quoted = 0;
        do {
            kv.add(c.token(Reason.BAD_PARAMETER));
            c.expectSeparator('=', Reason.BAD_PARAMETER);
            if (c.peekIs('"')) {
                if (kv.size() / 2 < 64) {
                    quoted |= 1L << (kv.size() / 2);
                }
                kv.add(c.quotedString());
            } else {
                // Lenient: RFC 7616 leaves algorithm and qop values unquoted; some peers send ':' or '/' in them.
                int s = c.pos();
                while (!c.atEnd() && (Chars.is(c.buf()[c.pos()], Chars.TOKEN) || c.peekIs('/') || c.peekIs(':'))) {
                    c.advance();
                }
                if (c.pos() == s) {
                    throw c.error(Reason.BAD_PARAMETER);
                }
                kv.add(c.ascii(s, c.pos()));
            }
        } while (c.trySeparator(','));
        end(c);
        return new AuthHeader(scheme, Parameters.trusted(kv, quoted));
    }

    private static void checkDigits(Cursor c, Parameters params, String name) {
        String v = params.get(name).orElse(null);
        if (v != null && (v.isEmpty() || v.length() > 10 || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                || Long.parseLong(v) > CSeq.MAX)) {
            throw c.error(Reason.BAD_PARAMETER);
        }
    }

    private static void end(Cursor c) {
        if (!c.skipLws().atEnd()) {
            throw c.error(Reason.BAD_HEADER_VALUE);
        }
    }
}
