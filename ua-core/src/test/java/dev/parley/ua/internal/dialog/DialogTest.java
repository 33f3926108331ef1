package dev.parley.ua.internal.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.sip.message.Contact;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.message.Via;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialogTest {

    private static final Via VIA = Via.of("UDP", "client.atlanta.example.com", 5060, "z9hG4bKnew1");

    private static Dialog uacConfirmed() {
        SipResponse ok = Msg.answer(200, "OK", """
                Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>
                Contact: <sip:bob@192.0.2.4>
                """);
        return Dialog.asUac(Msg.request(Msg.INVITE), ok);
    }

    @Test
    void uacDialog_fromRingingWithToTag_isEarly_withReversedRecordRouteAndContactTarget() {
        SipResponse ringing = Msg.answer(180, "Ringing", """
                Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>
                Contact: <sip:bob@192.0.2.4>
                """);
        Dialog d = Dialog.asUac(Msg.request(Msg.INVITE), ringing);
        assertEquals(DialogState.EARLY, d.state());
        assertEquals(new DialogId("3848276298220188511@atlanta.example.com", "9fxced76sl", "8321234356"), d.id());
        assertEquals(List.of("sip:p2.example.com;lr", "sip:p1.example.com;lr"),
                d.routeSet().stream().map(r -> r.uri().toString()).toList());
        assertEquals("sip:bob@192.0.2.4", d.remoteTarget().toString());
        assertEquals(2, d.localSeq());
        assertEquals(-1, d.remoteSeq(), "RFC 3261 §12.1.2: the remote sequence number is empty");
    }

    @Test
    void uacDialog_needsAToTag() {
        SipResponse noTag = Msg.response("""
                SIP/2.0 180 Ringing
                Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9
                From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl
                To: Bob <sip:bob@biloxi.example.com>
                Call-ID: 3848276298220188511@atlanta.example.com
                CSeq: 2 INVITE
                Content-Length: 0

                """);
        assertThrows(IllegalArgumentException.class, () -> Dialog.asUac(Msg.request(Msg.INVITE), noTag));
        assertNull(DialogId.ofIncomingResponse(noTag));
    }

    @Test
    void earlyDialogConfirmedBy2xx_recomputesRouteSetAndTarget() {
        Dialog d = Dialog.asUac(Msg.request(Msg.INVITE), Msg.answer(183, "Session Progress", """
                Record-Route: <sip:p1.example.com;lr>
                Contact: <sip:bob@192.0.2.4>
                """));
        d.confirmAsUac(Msg.answer(200, "OK", """
                Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>
                Contact: <sip:bob@192.0.2.99>
                """));
        assertEquals(DialogState.CONFIRMED, d.state());
        assertEquals(2, d.routeSet().size());
        assertEquals("sip:bob@192.0.2.99", d.remoteTarget().toString());
    }

    @Test
    void uasDialog_keepsRecordRouteInOrder_andRemoteSequenceFromTheInvite() {
        Dialog d = Dialog.asUas(Msg.request(Msg.INVITE), "uas1", false);
        assertEquals(new DialogId("3848276298220188511@atlanta.example.com", "uas1", "9fxced76sl"), d.id());
        assertEquals(List.of("sip:p1.example.com;lr", "sip:p2.example.com;lr"),
                d.routeSet().stream().map(r -> r.uri().toString()).toList());
        assertEquals("sip:alice@client.atlanta.example.com;transport=udp", d.remoteTarget().toString());
        assertEquals(2, d.remoteSeq());
        assertEquals(DialogState.EARLY, d.state());
        d.confirm();
        assertEquals(DialogState.CONFIRMED, d.state());
    }

    @Test
    void inDialogRequest_goesToTheRemoteTargetThroughTheRouteSet_withTheNextCSeq() {
        Dialog d = uacConfirmed();
        SipRequest bye = d.newRequest("BYE", VIA, null).build();
        assertEquals("sip:bob@192.0.2.4", bye.requestUriText());
        assertEquals("BYE", bye.cseq().method());
        assertEquals(3, bye.cseq().number(), "RFC 3261 §12.2.1.1: local CSeq + 1");
        assertEquals("9fxced76sl", bye.from().tag().orElseThrow());
        assertEquals("8321234356", bye.to().tag().orElseThrow());
        assertEquals(List.of("sip:p2.example.com;lr", "sip:p1.example.com;lr"),
                bye.routes().stream().map(r -> r.uri().toString()).toList());
        assertEquals(4, d.newRequest("INFO", VIA, null).build().cseq().number());
    }

    @Test
    void strictRouter_becomesTheRequestUri_andTheTargetGoesLastInRoute() {
        SipResponse ok = Msg.answer(200, "OK", """
                Record-Route: <sip:strict.example.com>
                Contact: <sip:bob@192.0.2.4>
                """);
        Dialog d = Dialog.asUac(Msg.request(Msg.INVITE), ok);
        SipRequest bye = d.newRequest("BYE", VIA, null).build();
        assertEquals("sip:strict.example.com", bye.requestUriText());
        assertEquals(List.of("sip:bob@192.0.2.4"), bye.routes().stream().map(r -> r.uri().toString()).toList());
    }

    @Test
    void ackFor2xx_carriesTheInviteCSeqNumber_andDoesNotAdvanceTheLocalSequence() {
        Dialog d = uacConfirmed();
        SipRequest ack = d.ackFor(Msg.request(Msg.INVITE), VIA);
        assertEquals("ACK", ack.method());
        assertEquals("2 ACK", ack.cseq().toString());
        assertEquals("sip:bob@192.0.2.4", ack.requestUriText());
        assertEquals(2, d.localSeq());
        assertThrows(IllegalArgumentException.class, () -> d.newRequest("ACK", VIA, null));
    }

    @Test
    void remoteRequestWithLowerCSeq_isOutOfOrder_higherIsAccepted() {
        Dialog d = Dialog.asUas(Msg.request(Msg.INVITE), "uas1", true);
        SipRequest info1 = inDialog("INFO", 1, null);
        assertEquals(Dialog.Verdict.OUT_OF_ORDER, d.onRemoteRequest(info1));
        assertEquals(Dialog.Verdict.ACCEPT, d.onRemoteRequest(inDialog("INFO", 5, null)));
        assertEquals(5, d.remoteSeq());
        assertEquals(Dialog.Verdict.ACCEPT, d.onRemoteRequest(inDialog("ACK", 2, null)), "ACK is not checked");
    }

    @Test
    void reInvite_refreshesTheRemoteTarget_butBye_doesNot() {
        Dialog d = Dialog.asUas(Msg.request(Msg.INVITE), "uas1", true);
        d.onRemoteRequest(inDialog("INFO", 3, "<sip:alice@198.51.100.1>"));
        assertEquals("sip:alice@client.atlanta.example.com;transport=udp", d.remoteTarget().toString());
        d.onRemoteRequest(inDialog("INVITE", 4, "<sip:alice@198.51.100.7>"));
        assertEquals("sip:alice@198.51.100.7", d.remoteTarget().toString());
    }

    @Test
    void targetRefreshResponse_2xxOnly() {
        Dialog d = uacConfirmed();
        d.onTargetRefreshResponse(Msg.answer(491, "Request Pending", "Contact: <sip:bob@203.0.113.1>\n"));
        assertEquals("sip:bob@192.0.2.4", d.remoteTarget().toString());
        d.onTargetRefreshResponse(Msg.answer(200, "OK", "Contact: <sip:bob@203.0.113.1>\n"));
        assertEquals("sip:bob@203.0.113.1", d.remoteTarget().toString());
    }

    @Test
    void uasFirstRequest_usesCSeq1_andTheCallerAsTarget() {
        Dialog d = Dialog.asUas(Msg.request(Msg.INVITE), "uas1", true);
        SipRequest bye = d.newRequest("BYE", VIA, Contact.of(SipUri.of("bob", "192.0.2.4"))).build();
        assertEquals(1, bye.cseq().number());
        assertEquals("sip:alice@client.atlanta.example.com;transport=udp", bye.requestUriText());
        assertEquals("uas1", bye.from().tag().orElseThrow());
        assertEquals("9fxced76sl", bye.to().tag().orElseThrow());
        assertTrue(bye.hasHeader("Contact"));
    }

    @Test
    void dialogTable_routesByTags_andReportsUnknownDialogs() {
        DialogTable<String> table = new DialogTable<>(1);
        Dialog d = Dialog.asUas(Msg.request(Msg.INVITE), "uas1", true);
        assertTrue(table.add(d.id(), "call-1"));
        assertEquals(false, table.add(new DialogId("x", "y", "z"), "call-2"), "bounded");
        assertInstanceOf(DialogTable.OutOfDialog.class, table.match(Msg.request(Msg.INVITE)));
        assertEquals(new DialogTable.InDialog<>("call-1"), table.match(inDialog("BYE", 3, null)));
        SipRequest stranger = Msg.request(inDialogText("BYE", 3, null).replace("tag=uas1", "tag=other"));
        assertInstanceOf(DialogTable.UnknownDialog.class, table.match(stranger));
    }

    private static String inDialogText(String method, long cseq, String contact) {
        return method + " sip:bob@192.0.2.4 SIP/2.0\n"
                + "Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bKx" + cseq + "\n"
                + "Max-Forwards: 70\n"
                + "From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl\n"
                + "To: Bob <sip:bob@biloxi.example.com>;tag=uas1\n"
                + "Call-ID: 3848276298220188511@atlanta.example.com\n"
                + "CSeq: " + cseq + " " + method + "\n"
                + (contact == null ? "" : "Contact: " + contact + "\n")
                + "Content-Length: 0\n\n";
    }

    private static SipRequest inDialog(String method, long cseq, String contact) {
        return Msg.request(inDialogText(method, cseq, contact));
    }
}
