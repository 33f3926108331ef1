package dev.parley.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** RFC 8866 writer and parser agree: for any description, parse(write(x)) equals x, in CRLF lines. */
class SdpRoundTripProperties {
    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void parseOfWrite_isIdentity(@ForAll("descriptions") SessionDescription sd) {
        String text = sd.encode();
        assertEquals(sd, SessionDescription.parse(text), text);
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void everyWrittenLine_endsWithCrlf_andStartsWithTypeEquals(@ForAll("descriptions") SessionDescription sd) {
        String text = sd.encode();
        assertTrue(text.endsWith("\r\n"));
        for (String line : text.split("\r\n", -1)) {
            if (!line.isEmpty()) {
                assertTrue(line.length() >= 2 && line.charAt(1) == '=' && line.indexOf('\n') < 0, line);
            }
        }
    }

    static Arbitrary<String> token() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+")
                .ofMinLength(1).ofMaxLength(12);
    }

    /** Free text: printable ASCII and some UTF-8, spaces anywhere (RFC 8866 byte-string minus CR, LF, NUL). */
    static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('é', '€', '\t').ofMaxLength(24);
    }

    static Arbitrary<Connection> connection() {
        return Combinators.combine(Arbitraries.of("IN", "XX"), Arbitraries.of("IP4", "IP6"), token())
                .as(Connection::new);
    }

    static Arbitrary<Attribute> attribute() {
        Arbitrary<Integer> pt = Arbitraries.integers().between(0, 127);
        return Arbitraries.oneOf(
                Combinators.combine(pt, token().filter(t -> t.indexOf('/') < 0), Arbitraries.integers()
                        .between(1, 200_000), Arbitraries.integers().between(0, 8)).as(Attribute.Rtpmap::new),
                Combinators.combine(pt.map(String::valueOf), text()).as(Attribute.Fmtp::new),
                Arbitraries.integers().between(1, 1000).map(Attribute.Ptime::new),
                Arbitraries.integers().between(1, 1000).map(Attribute.MaxPtime::new),
                Arbitraries.of(Direction.class).map(d -> (Attribute) d),
                Combinators.combine(Arbitraries.integers().between(0, 65_535), connection().injectNull(0.5))
                        .as(Attribute.Rtcp::new),
                Arbitraries.just(new Attribute.RtcpMux()),
                Combinators.combine(Arbitraries.integers().between(0, 999_999_999), token(), token(),
                        token().list().ofMaxSize(3).map(l -> String.join(" ", l))).as(Attribute.Crypto::new),
                text().filter(t -> !t.isEmpty()).map(Attribute.Mid::new),
                Combinators.combine(token(), token().list().ofMaxSize(4)).as(Attribute.Group::new),
                Combinators.combine(token().map(t -> "x-" + t), text().injectNull(0.3)).as(Attribute.Other::new));
    }

    static Arbitrary<UnknownLine> unknownLine() {
        return Combinators.combine(Arbitraries.of('x', 'y', 'q', 'X', 'Z'), text()).as(UnknownLine::new);
    }

    static Arbitrary<MediaDescription> media() {
        Arbitrary<MediaDescription> line = Combinators.combine(Arbitraries.of("RTP/AVP", "RTP/SAVP", "udp", "TCP/MSRP"),
                Arbitraries.of("audio", "video", "application"), Arbitraries.integers().between(0, 65_535),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 127).map(String::valueOf).list().ofMinSize(1).ofMaxSize(6),
                token().list().ofMinSize(1).ofMaxSize(3), text().injectNull(0.7), connection().injectNull(0.5))
                .as((p, m, port, count, pts, tokens, info, c) -> new MediaDescription(m, port, count, p,
                        MediaDescription.isRtpProto(p) ? pts : tokens, info, c, List.of(), null, List.of(), List.of()));
        return Combinators.combine(line, bandwidth().list().ofMaxSize(2), attribute().list().ofMaxSize(8),
                text().injectNull(0.8), unknownLine().list().ofMaxSize(2))
                .as((m, bw, attrs, key, unknown) -> new MediaDescription(m.media(), m.port(), m.portCount(), m.proto(),
                        m.formats(), m.information(), m.connection(), bw, key, attrs, unknown));
    }

    static Arbitrary<Bandwidth> bandwidth() {
        return Combinators.combine(Arbitraries.of("AS", "CT", "TIAS", "X-YZ"),
                Arbitraries.longs().between(0, 1_000_000_000L)).as(Bandwidth::new);
    }

    static Arbitrary<Timing> timing() {
        return Combinators.combine(Arbitraries.longs().between(0, 9_999_999_999L),
                Arbitraries.longs().between(0, 9_999_999_999L), text().list().ofMaxSize(2)).as(Timing::new);
    }

    @Provide
    Arbitrary<SessionDescription> descriptions() {
        Arbitrary<Origin> origin = Combinators.combine(token(), Arbitraries.longs().between(0, Long.MAX_VALUE / 2)
                .map(String::valueOf), Arbitraries.longs().between(0, 999_999_999_999_999_999L), connection())
                .as(Origin::new);
        Arbitrary<SessionDescription> head = Combinators.combine(origin, text(), text().injectNull(0.6),
                text().injectNull(0.7), text().list().ofMaxSize(2), text().list().ofMaxSize(2),
                connection().injectNull(0.3), bandwidth().list().ofMaxSize(2))
                .as((o, s, i, u, e, p, c, b) -> new SessionDescription(o, s, i, u, e, p, c, b, List.of(), null, null,
                        List.of(), List.of(), List.of()));
        return Combinators.combine(head, timing().list().ofMaxSize(2), text().injectNull(0.8),
                text().injectNull(0.8), attribute().list().ofMaxSize(6), unknownLine().list().ofMaxSize(2),
                media().list().ofMaxSize(4))
                .as((sd, t, z, k, a, unknown, m) -> new SessionDescription(sd.origin(), sd.sessionName(),
                        sd.information(), sd.uri(), sd.emails(), sd.phones(), sd.connection(), sd.bandwidths(), t, z, k,
                        a, unknown, m));
    }
}
