package dev.parley.sip.message;

import java.util.ArrayList;
import java.util.List;

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
            e.salvaged().ifPresent(FuzzTarget::touchSalvaged);
            return false;
        }
        boolean valid;
        try {
            m.validate();
            valid = true;
        } catch (SipParseException e) {
            valid = false;
            touchSalvaged(m);
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
        if (!Semantics.canonicalHeaders(m).equals(Semantics.canonicalHeaders(again))
                || m.bodyLength() != again.bodyLength() || !m.version().equals(again.version())) {
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
            SipResponse.createFrom(r, 400, "Bad Request", "t").toBytes();
        }
    }

    private static void readEveryView(SipMessage m) {
        List<Runnable> views = new ArrayList<>();
        views.add(m::topVia);
        views.add(m::vias);
        views.add(m::cseq);
        views.add(m::callId);
        views.add(m::from);
        views.add(m::to);
        views.add(m::maxForwards);
        views.add(m::contacts);
        views.add(m::routes);
        views.add(m::recordRoutes);
        views.add(m::expires);
        views.add(m::minExpires);
        views.add(() -> m.tokens("Supported"));
        views.add(() -> m.headerValues("Accept"));
        views.add(m::headers);
        if (m instanceof SipRequest r) {
            views.add(r::requestUri);
        }
        for (Runnable v : views) {
            try {
                v.run();
            } catch (SipParseException expected) {
                // the only permitted failure
            }
        }
        for (Via v : safe(m)) {
            v.toString();
            Via.parse(v.toString());
        }
    }

    private static List<Via> safe(SipMessage m) {
        try {
            return m.vias();
        } catch (SipParseException e) {
            return List.of();
        }
    }
}
