package dev.parley.ua.internal.dialog;

import dev.parley.sip.message.SipMessage;
import dev.parley.sip.message.SipParser;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import java.nio.charset.StandardCharsets;

/** Test helper: messages from text with LF line ends, as RFC examples print them. */
final class Msg {

    private Msg() {
    }

    static SipMessage parse(String text) {
        String crlf = text.replace("\r\n", "\n").replace("\n", "\r\n");
        return new SipParser().parse(crlf.getBytes(StandardCharsets.UTF_8)).validate();
    }

    static SipRequest request(String text) {
        return (SipRequest) parse(text);
    }

    static SipResponse response(String text) {
        return (SipResponse) parse(text);
    }

    static final String INVITE = """
            INVITE sip:bob@biloxi.example.com SIP/2.0
            Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9
            Max-Forwards: 70
            From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl
            To: Bob <sip:bob@biloxi.example.com>
            Call-ID: 3848276298220188511@atlanta.example.com
            CSeq: 2 INVITE
            Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>
            Contact: <sip:alice@client.atlanta.example.com;transport=udp>
            Content-Length: 0

            """;

    static SipResponse answer(int code, String reason, String extraHeaders) {
        return response("SIP/2.0 " + code + " " + reason + "\n"
                + "Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9\n"
                + "From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl\n"
                + "To: Bob <sip:bob@biloxi.example.com>;tag=8321234356\n"
                + "Call-ID: 3848276298220188511@atlanta.example.com\n"
                + "CSeq: 2 INVITE\n"
                + extraHeaders
                + "Content-Length: 0\n\n");
    }
}
