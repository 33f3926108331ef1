package dev.parley.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.sdp.SdpParseException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8866 §5 parsing: what is tolerated, what is rejected and with which reason. */
class SdpParserTest {
    static final String HEAD = "v=0\r\no=a 1 2 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n";

    static SessionDescription parse(String text) {
        return SessionDescription.parse(text.replace("|", "\r\n"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
        "EMPTY; ''; 0",
        "EMPTY; '|  |'; 0",
        "MISSING_VERSION; o=a 1 2 IN IP4 h|s=-|; 1",
        "BAD_VERSION; v=1|o=a 1 2 IN IP4 h|s=-|; 1",
        "MALFORMED_LINE; v=0|o=a 1 2 IN IP4 h|s=-|garbage|; 4",
        "MALFORMED_LINE; v=0|o=a 1 2 IN IP4 h|s=-|1=x|; 4",
        "MISSING_ORIGIN; v=0|s=-|t=0 0|; 3",
        "BAD_ORIGIN; v=0|o=a 1 2 IN IP4|s=-|; 2",
        "BAD_ORIGIN; v=0|o=a 1 two IN IP4 h|s=-|; 2",
        "MISSING_SESSION_NAME; v=0|o=a 1 2 IN IP4 h|t=0 0|; 3",
        "DUPLICATE_LINE; v=0|o=a 1 2 IN IP4 h|s=-|s=x|; 4",
        "DUPLICATE_LINE; v=0|o=a 1 2 IN IP4 h|s=-|m=audio 1 RTP/AVP 0|v=0|; 5",
        "BAD_CONNECTION; v=0|o=a 1 2 IN IP4 h|s=-|c=IN IP4|; 4",
        "BAD_BANDWIDTH; v=0|o=a 1 2 IN IP4 h|s=-|b=AS:lots|; 4",
        "BAD_TIMING; v=0|o=a 1 2 IN IP4 h|s=-|t=now 0|; 4",
        "BAD_TIMING; v=0|o=a 1 2 IN IP4 h|s=-|r=7d 1h 0|; 4",
        "BAD_MEDIA; v=0|o=a 1 2 IN IP4 h|s=-|m=audio 4000 RTP/AVP|; 4",
        "BAD_PORT; v=0|o=a 1 2 IN IP4 h|s=-|m=audio 70000 RTP/AVP 0|; 4",
        "BAD_PORT; v=0|o=a 1 2 IN IP4 h|s=-|m=audio x RTP/AVP 0|; 4",
        "BAD_PORT; v=0|o=a 1 2 IN IP4 h|s=-|m=audio 4000/0 RTP/AVP 0|; 4",
        "BAD_PAYLOAD_TYPE; v=0|o=a 1 2 IN IP4 h|s=-|m=audio 4000 RTP/AVP PCMU|; 4",
        "BAD_PAYLOAD_TYPE; v=0|o=a 1 2 IN IP4 h|s=-|m=audio 4000 RTP/AVP 0 128|; 4",
        "BAD_ATTRIBUTE; v=0|o=a 1 2 IN IP4 h|s=-|a=:x|; 4",
        "BAD_ATTRIBUTE; v=0|o=a 1 2 IN IP4 h|s=-|a=  |; 4",
    })
    void badInput_isRejectedWithReasonAndLine(Reason reason, String text, int line) {
        SdpParseException e = assertThrows(SdpParseException.class, () -> parse(text));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(0, e.getStackTrace().length, "created without a stack trace");
    }

    @Test
    void bareCrOrNulInsideALine_isMalformed() {
        for (String bad : new String[] {"s=a\rb", "s=a\u0000b"}) {
            SdpParseException e = assertThrows(SdpParseException.class,
                    () -> SessionDescription.parse("v=0\r\no=a 1 2 IN IP4 h\r\n" + bad + "\r\n"));
            assertEquals(Reason.MALFORMED_LINE, e.reason());
            assertEquals(3, e.line());
        }
    }

    @Test
    void errorOffset_pointsAtTheBadLine() {
        String text = "v=0\r\no=a 1 2 IN IP4 h\r\ns=-\r\nm=audio 99999 RTP/AVP 0\r\n";
        SdpParseException e = assertThrows(SdpParseException.class, () -> SessionDescription.parse(text));
        assertEquals(text.indexOf("m="), e.offset());
        assertEquals("m=audio 99999 RTP/AVP 0", e.excerpt());
    }

    @Test
    void limits_boundSizeMediaAndLines() {
        byte[] big = (HEAD + "a=x\r\n".repeat(100)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(Reason.TOO_LARGE, assertThrows(SdpParseException.class,
                () -> SessionDescription.parse(big, 0, big.length, new SdpLimits(100, 4, 512, 8))).reason());
        assertEquals(Reason.TOO_LARGE, assertThrows(SdpParseException.class,
                () -> SessionDescription.parse(big, 0, big.length, new SdpLimits(65536, 4, 50, 8))).reason());
        byte[] media = (HEAD + "m=audio 1 RTP/AVP 0\r\n".repeat(5)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(Reason.TOO_LARGE, assertThrows(SdpParseException.class,
                () -> SessionDescription.parse(media, 0, media.length, new SdpLimits(65536, 4, 50, 8))).reason());
    }

    @Test
    void lenient_lfOnlyLineEndsTrailingBlanksAndEmptyLines() {
        SessionDescription strict = parse(HEAD + "m=audio 4000 RTP/AVP 0 8|a=rtpmap:8 PCMA/8000|a=sendonly|");
        SessionDescription loose = SessionDescription.parse(
                "v=0 \no=a  1 2 IN IP4 192.0.2.1\t\ns=-\nc=IN IP4 192.0.2.1 \nt=0 0\n\n"
                        + "m=audio 4000  RTP/AVP 0 8 \na=rtpmap:8 PCMA/8000 \na=sendonly \n");
        assertEquals(strict, loose);
    }

    @Test
    void lenient_unknownLineTypesAreKeptInOrderAndWrittenBack() {
        SessionDescription sd = parse(HEAD + "y=first|x=second|m=audio 4000 RTP/AVP 0|q=media one|");
        assertEquals(List.of(new UnknownLine('y', "first"), new UnknownLine('x', "second")), sd.unknownLines());
        assertEquals(List.of(new UnknownLine('q', "media one")), sd.media().get(0).unknownLines());
        assertEquals(HEAD + "y=first\r\nx=second\r\nm=audio 4000 RTP/AVP 0\r\nq=media one\r\n", sd.encode());
    }

    @Test
    void lenient_unknownAttributesKeptByteForByte() {
        String text = HEAD + "a=tool:some tool 1.0  \r\na=X-flag\r\na=empty:\r\nm=audio 4000 RTP/AVP 0\r\n";
        SessionDescription sd = SessionDescription.parse(text);
        assertEquals(List.of(new Attribute.Other("tool", "some tool 1.0  "), new Attribute.Other("X-flag", null),
                new Attribute.Other("empty", "")), sd.attributes());
        assertEquals(text, sd.encode());
    }

    @Test
    void typedAttributes_rfc8866_3605_5761_4568_5888() {
        SessionDescription sd = SessionDescription.parse((HEAD + "a=group:BUNDLE audio video;"
                + "m=audio 4000 RTP/AVP 0 101;"
                + "a=rtpmap:101 telephone-event/8000;a=fmtp:101 0-16;a=ptime:20;a=maxptime:60;a=recvonly;"
                + "a=rtcp:4001 IN IP4 192.0.2.5;a=rtcp-mux;a=mid:audio;"
                + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32 KDR=1;"
                + "m=audio 4002 RTP/AVP 96;a=rtpmap:96 L16/44100/2;a=rtcp:4003;").replace(";", "\r\n"));
        assertEquals(new Attribute.Group("BUNDLE", List.of("audio", "video")), sd.attributes().get(0));
        MediaDescription m = sd.media().get(0);
        assertEquals(List.of(new Attribute.Rtpmap(101, "telephone-event", 8000, 0), new Attribute.Fmtp("101", "0-16"),
                new Attribute.Ptime(20), new Attribute.MaxPtime(60), Direction.RECVONLY,
                new Attribute.Rtcp(4001, new Connection("IN", "IP4", "192.0.2.5")), new Attribute.RtcpMux(),
                new Attribute.Mid("audio"), new Attribute.Crypto(1, "AES_CM_128_HMAC_SHA1_80",
                        "inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32", "KDR=1")), m.attributes());
        assertEquals(2, sd.media().get(1).rtpmap("96").channelCount());
        assertEquals(new Attribute.Rtcp(4003, null), sd.media().get(1).attributes().get(1));
    }

    @Test
    void typedAttributeOutsideItsGrammar_isKeptAsOther() {
        SessionDescription sd = parse(HEAD
                + "m=audio 4000 RTP/AVP 0|a=rtpmap:x PCMU/8000|a=ptime:20.5|a=sendonly:now|");
        assertEquals(List.of(new Attribute.Other("rtpmap", "x PCMU/8000"), new Attribute.Other("ptime", "20.5"),
                new Attribute.Other("sendonly", "now")), sd.media().get(0).attributes());
        assertNull(sd.media().get(0).directionAttribute());
    }

    @Test
    void staticPayloadTypes_resolveWithoutRtpmap_rfc3551() {
        MediaDescription m = parse(HEAD + "m=audio 4000 RTP/AVP 0 8 9 18 96|").media().get(0);
        assertEquals(new Attribute.Rtpmap(0, "PCMU", 8000, 0), m.rtpmap("0"));
        assertEquals("PCMA", m.rtpmap("8").encodingName());
        assertEquals(8000, m.rtpmap("9").clockRate(), "RFC 3551: G.722's RTP clock is 8000");
        assertEquals("G729", m.rtpmap("18").encodingName());
        assertNull(m.rtpmap("96"), "a dynamic type without rtpmap is unknown");
    }

    @Test
    void nonRtpTransport_acceptsAnyFormatToken() {
        MediaDescription m = parse(HEAD + "m=application 5000 udp wb|").media().get(0);
        assertEquals(List.of("wb"), m.formats());
    }

    @Test
    void portCount_andMultipleMediaConnections_roundTrip() {
        String text = HEAD + "m=video 49170/2 RTP/AVP 31\r\nc=IN IP4 224.2.1.1/127/2\r\nc=IN IP4 224.2.1.5/127\r\n";
        SessionDescription sd = SessionDescription.parse(text);
        assertEquals(2, sd.media().get(0).portCount());
        assertEquals("224.2.1.1", sd.media().get(0).connection().host());
        assertEquals(sd, SessionDescription.parse(sd.encode()));
    }

    @Test
    void parseFromOffset_readsOnlyTheGivenRange() {
        byte[] body = ("garbage" + HEAD + "garbage").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SessionDescription sd = SessionDescription.parse(body, 7, HEAD.length());
        assertEquals("192.0.2.1", sd.connection().address());
    }

    @Test
    void attributesAreTypedFromACopy_soTheCallerMayReuseItsBufferAtOnce() {
        String text = "xx" + HEAD + "a=tool:t\r\nm=audio 4000 RTP/AVP 96\r\na=rtpmap:96 opus/48000/2\r\na=ptime:20\r\n";
        byte[] buffer = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SessionDescription sd = SessionDescription.parse(buffer, 2, buffer.length - 2);
        java.util.Arrays.fill(buffer, (byte) 'z'); // a transport reusing its receive buffer for the next datagram
        assertEquals(List.of(new Attribute.Other("tool", "t")), sd.attributes());
        assertEquals(List.of(new Attribute.Rtpmap(96, "opus", 48000, 2), new Attribute.Ptime(20)),
                sd.media().get(0).attributes());
    }

    @Test
    void parsedAttributes_equalAndHashLikeTheSameValuesBuiltByHand() {
        MediaDescription parsed = parse(HEAD + "m=audio 4000 RTP/AVP 0|a=ptime:20|a=sendonly|").media().get(0);
        List<Attribute> built = List.of(new Attribute.Ptime(20), Direction.SENDONLY);
        assertEquals(built, parsed.attributes());
        assertEquals(parsed.attributes(), built);
        assertEquals(built.hashCode(), parsed.attributes().hashCode());
        assertEquals(MediaDescription.of("audio", 4000, "RTP/AVP", List.of("0"), built), parsed);
        assertThrows(UnsupportedOperationException.class, () -> parsed.attributes().add(Direction.INACTIVE));
        assertThrows(UnsupportedOperationException.class, () -> parsed.attributes().remove(0));
    }

    @Test
    void attributesBetweenOtherLines_areTypedInOrder_eachSectionItsOwn() {
        // Attributes interleaved with b=, k=, unknown and empty lines, LF and CR LF mixed.
        SessionDescription sd = SessionDescription.parse(HEAD.replace("t=0 0\r\n", "t=0 0\n")
                + "a=tool:t\nx=unknown\n\na=recvonly\r\n"
                + "m=audio 4000 RTP/AVP 0 8\r\na=rtpmap:8 PCMA/8000\r\nb=AS:64\nk=prompt\r\n  \r\n"
                + "a=ptime:30\ny=z\na=sendonly\n"
                + "m=audio 4002 RTP/AVP 0\na=ptime:40\n");
        assertEquals(List.of(new Attribute.Other("tool", "t"), Direction.RECVONLY), sd.attributes());
        assertEquals(List.of(new Attribute.Rtpmap(8, "PCMA", 8000, 0), new Attribute.Ptime(30), Direction.SENDONLY),
                sd.media().get(0).attributes());
        assertEquals(List.of(new Attribute.Ptime(40)), sd.media().get(1).attributes());
        assertEquals(List.of(new UnknownLine('y', "z")), sd.media().get(0).unknownLines());
    }

    @Test
    void connection_isReadAsWritten_whetherOrNotItRepeatsTheOriginAddress() {
        String head = "v=0\r\no=a 1 2 IN IP4 192.0.2.1\r\ns=-\r\n";
        assertEquals(new Connection("IN", "IP4", "192.0.2.1"),
                SessionDescription.parse(head + "c=IN  IP4\t192.0.2.1 \r\nt=0 0\r\n").connection());
        // The same bytes as the end of the o= line, but not starting at a field there.
        assertEquals(new Connection("N", "IP4", "192.0.2.1"),
                SessionDescription.parse(head + "c=N IP4 192.0.2.1\r\nt=0 0\r\n").connection());
        assertEquals(new Connection("IN", "IP4", "2.0.2.1"),
                SessionDescription.parse(head + "c=IN IP4 2.0.2.1\r\nt=0 0\r\n").connection());
        SessionDescription media = SessionDescription.parse(head + "t=0 0\r\nm=audio 4000 RTP/AVP 0\r\n"
                + "c=IN IP4 192.0.2.1\r\nm=audio 4002 RTP/AVP 0\r\nc=IN IP6 ::1\r\n");
        assertEquals(new Connection("IN", "IP4", "192.0.2.1"), media.media().get(0).connection());
        assertEquals(new Connection("IN", "IP6", "::1"), media.media().get(1).connection());
    }

    @Test
    void limits_countMediaAttributesPerSection_andNameTheLineThatExceeds() {
        SdpLimits limits = new SdpLimits(65536, 4, 50, 8);
        String fifty = HEAD + "m=audio 1 RTP/AVP 0\r\n" + "a=x\r\n".repeat(50);
        assertEquals(50, SessionDescription.parse(fifty.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0,
                fifty.length(), limits).media().get(0).attributes().size());
        // The next section counts afresh.
        String twoSections = fifty + "m=audio 2 RTP/AVP 0\r\n" + "a=y\r\n".repeat(50);
        assertEquals(50, SessionDescription.parse(twoSections.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0,
                twoSections.length(), limits).media().get(1).attributes().size());
        byte[] over = (fifty + "a=x\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SdpParseException e = assertThrows(SdpParseException.class,
                () -> SessionDescription.parse(over, 0, over.length, limits));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertEquals(5 + 1 + 51, e.line());
    }
}
