package dev.parley.sip.message;


/**
 * What the fuzzer asserts about one input: only {@link SipParseException} escapes the parser,
 * the validator and every typed view; whatever parses serializes and re-parses equal.
 */
final class FuzzTarget {

    private static final SipParser REPARSER = new SipParser(ParserLimits.DEFAULT
            .withMaxMessageBytes(2 * ParserLimits.DEFAULT.maxMessageBytes())
            .withMaxHeaders(ParserLimits.DEFAULT.maxHeaders() + 1));

    private FuzzTarget() {
    }

    /** Runs one input; returns true if it parsed and validated. Throws on any property violation. */
    static boolean run(byte[] input) {
        SipMessage m;
        try {
            m = new SipParser().parse(input);
        } catch (SipParseException e) {
            // Building a 400 costs more than parsing; one input in eight (by length) checks it.
            if ((input.length & 7) == 0) {
                e.salvaged().ifPresent(FuzzTarget::touchSalvaged);
            }
            return false;
        }
        boolean valid;
        try {
            m.validate();
            valid = true;
        } catch (SipParseException e) {
            valid = false;
            if ((input.length & 7) == 0) {
                touchSalvaged(m);
            }
        }
        readEveryView(m);
        byte[] wire = m.toBytes();
        SipMessage again;
        try {
            // The serializer may add a Content-Length field and CRs, so the re-parse gets that room.
            again = REPARSER.parse(wire);
        } catch (SipParseException e) {
            throw new AssertionError("serialized form does not re-parse: " + e.getMessage(), e);
        }
        // The serializer writes a canonical form of the message's content, so equal content
        // means equal bytes: parse(serialize(m)) serializes to serialize(m).
        if (!java.util.Arrays.equals(wire, again.toBytes()) || m.headerCount() + 1 < again.headerCount()) {
            throw new AssertionError("re-parse differs");
        }
        if (valid) {
            try {
                again.validate();
            } catch (SipParseException e) {
                throw new AssertionError("valid message re-parses invalid: " + e.getMessage(), e);
            }
        }
        return valid;
    }

    private static void touchSalvaged(SipMessage s) {
        if (s instanceof SipRequest r) {
            SipResponse.createFrom(r, 400, "Bad Request", "t");
        }
    }

    private static void readEveryView(SipMessage m) {
        // Read before from() caches the full value, so that the fast path is what gets compared.
        java.util.Optional<String> fastTag;
        try {
            fastTag = m.fromTag();
        } catch (SipParseException e) {
            fastTag = null;
        }
        for (int view = 0; view < 24; view++) {
            try {
                switch (view) {
                    case 0 -> m.topVia();
                    case 1 -> m.vias();
                    case 2 -> m.cseq();
                    case 3 -> m.callId();
                    case 4 -> m.from();
                    case 5 -> m.to();
                    case 6 -> m.maxForwards();
                    case 7 -> m.contacts();
                    case 8 -> m.routes();
                    case 9 -> m.recordRoutes();
                    case 10 -> m.expires();
                    case 11 -> m.minExpires();
                    case 12 -> m.tokens("Supported");
                    case 13 -> m.headerValues("Accept");
                    case 14 -> m.toTag();
                    case 15 -> m.mediaType();
                    case 16 -> m.event();
                    case 17 -> m.subscriptionState().ifPresent(st -> st.expires());
                    case 18 -> m.referTo();
                    case 19 -> m.replaces();
                    case 20 -> m.authHeaders("Authorization").forEach(a -> a.toString());
                    case 21 -> m.contacts().forEach(ct -> {
                        ct.expires();
                        ct.q();
                    });
                    case 22 -> m.vias().forEach(v -> {
                        v.ttl();
                        v.rport();
                        v.received();
                    });
                    default -> {
                        if (m instanceof SipRequest r) {
                            Uri.parse(r.requestUri().toString());
                        }
                    }
                }
            } catch (SipParseException expected) {
                // the only permitted failure
            }
        }
        try {
            java.util.Optional<String> tag = m.from().tag();
            if (!tag.equals(fastTag)) {
                throw new AssertionError("fromTag() " + fastTag + " differs from from().tag() " + tag);
            }
        } catch (SipParseException expected) {
            // a malformed From has no defined tag
        }
    }
}
