package dev.parley.bench.sip;

import java.nio.charset.StandardCharsets;

/** The messages the SIP parser benchmarks parse, as wire bytes (CRLF line ends). */
public final class BenchMessages {

    private BenchMessages() {
    }

    private static byte[] wire(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static final String SDP = """
            v=0
            o=alice 2890844526 2890844526 IN IP4 client.atlanta.example.com
            s=-
            c=IN IP4 192.0.2.101
            t=0 0
            m=audio 49172 RTP/AVP 0 8 97
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:97 telephone-event/8000
            a=sendrecv
            """;

    /** An INVITE with SDP, about 900 bytes: the common case of a call setup. */
    public static final byte[] INVITE = wire("""
            INVITE sip:bob@biloxi.example.com SIP/2.0
            Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9;rport
            Max-Forwards: 70
            From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl
            To: Bob <sip:bob@biloxi.example.com>
            Call-ID: 3848276298220188511@atlanta.example.com
            CSeq: 1 INVITE
            Contact: <sip:alice@client.atlanta.example.com;transport=udp>
            Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, REFER, NOTIFY, MESSAGE, UPDATE, INFO
            Supported: replaces, timer, 100rel
            User-Agent: Parley-Bench/0.1
            Session-Expires: 1800
            Content-Type: application/sdp
            Content-Length: %d

            """.formatted(SDP.replace("\n", "\r\n").length()) + SDP);

    /** A short 180 Ringing. */
    public static final byte[] RINGING = wire("""
            SIP/2.0 180 Ringing
            Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9;received=192.0.2.101
            From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl
            To: Bob <sip:bob@biloxi.example.com>;tag=8321234356
            Call-ID: 3848276298220188511@atlanta.example.com
            CSeq: 1 INVITE
            Contact: <sip:bob@client.biloxi.example.com>
            Content-Length: 0

            """);

    /** A REGISTER with a digest Authorization (RFC 3665 §2.1 style). */
    public static final byte[] REGISTER = wire("""
            REGISTER sips:ss2.biloxi.example.com SIP/2.0
            Via: SIP/2.0/TLS client.biloxi.example.com:5061;branch=z9hG4bKnashd92
            Max-Forwards: 70
            From: Bob <sips:bob@biloxi.example.com>;tag=ja743ks76zlflH
            To: Bob <sips:bob@biloxi.example.com>
            Call-ID: 1j9FpLxk3uxtm8tn@biloxi.example.com
            CSeq: 2 REGISTER
            Contact: <sips:bob@client.biloxi.example.com>;expires=3600
            Authorization: Digest username="bob", realm="atlanta.example.com", nonce="ea9c8e88df84f1cec4341ae6cbe5a359", opaque="", uri="sips:ss2.biloxi.example.com", response="dfe56131d1958046689d83306477ecc", algorithm=MD5
            Content-Length: 0

            """);

    /** Compact header names, 2 Via and 4 Record-Route values. */
    public static final byte[] COMPACT = wire("""
            BYE sip:alice@client.atlanta.example.com SIP/2.0
            v: SIP/2.0/UDP ss2.biloxi.example.com:5060;branch=z9hG4bK721e4.1
            v: SIP/2.0/UDP client.biloxi.example.com:5060;branch=z9hG4bKnashds7;received=192.0.2.201
            Max-Forwards: 69
            Record-Route: <sip:ss3.chicago.example.com;lr>, <sip:ss2.biloxi.example.com;lr>
            Record-Route: <sip:ss1.atlanta.example.com;lr>, <sip:edge.atlanta.example.com;lr>
            f: Bob <sip:bob@biloxi.example.com>;tag=314159
            t: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl
            i: 3848276298220188511@atlanta.example.com
            CSeq: 1 BYE
            l: 0

            """);
}
