package dev.parley.ua.internal.phone;

import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.transaction.ServerTransaction;
import java.util.List;

/**
 * Requests that match no dialog (RFC 3261 §8.2, §12.2.2): an INVITE starts a call on the line it
 * names, OPTIONS is answered with our capabilities, the rest are refused with the status the RFCs
 * give. The twin of {@link InDialog}. Runs on the SIP thread.
 */
final class OutOfDialog {

    private OutOfDialog() {
    }

    static void handle(PhoneCore core, ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
        switch (request.method()) {
            case "INVITE" -> {
                LineImpl line = lineFor(core, request);
                if (request.hasHeader("Replaces")) {
                    IncomingReplaces.onInvite(core, tx, request);
                } else if (line == null) {
                    core.respond(tx, request, 404, "Not Found");
                } else if (core.calls().size() >= core.settings().maxCalls()) {
                    core.respond(tx, request, 486, "Busy Here");
                } else {
                    NewCalls.incoming(core, line, tx, request);
                }
            }
            case "OPTIONS" -> {
                // RFC 3261 §11.2: answer as an INVITE would be answered, listing capabilities.
                SipResponse ok = core.stack().ops().responseFor(request, 200, "OK").toBuilder()
                        .add("Allow", PhoneCore.ALLOW)
                        .add("Accept", "application/sdp")
                        .add("Supported", PhoneCore.SUPPORTED)
                        .add("Server", core.settings().userAgent())
                        .build();
                tx.respond(ok);
            }
            // RFC 3261 §15.1.2: a BYE that matches no dialog gets 481.
            case "BYE" -> core.respond(tx, request, 481, "Call/Transaction Does Not Exist");
            // RFC 3515 §2.4.2 lets a UA refuse a REFER: Parley accepts it only inside a call's dialog.
            case "REFER" -> core.respond(tx, request, 403, "Forbidden - REFER only inside a call");
            // RFC 6665 §4.1.3: a NOTIFY that matches no subscription gets 481.
            case "NOTIFY" -> core.respond(tx, request, 481, "Subscription Does Not Exist");
            // RFC 3261 §8.2.1: a method we do not support gets 405 with Allow.
            default -> tx.respond(core.stack().ops().responseFor(request, 405, "Method Not Allowed").toBuilder()
                    .add("Allow", PhoneCore.ALLOW).build());
        }
    }

    /** The line whose user matches the Request-URI user, else the To user, else the only line. */
    private static LineImpl lineFor(PhoneCore core, SipRequest request) {
        String ruser = request.requestUri() instanceof SipUri u ? u.user() : null;
        String tuser = request.to().uri() instanceof SipUri u ? u.user() : null;
        for (String wanted : new String[] {ruser, tuser}) {
            for (LineImpl line : core.lines()) {
                if (wanted != null && wanted.equals(line.config().user())) {
                    return line;
                }
            }
        }
        List<LineImpl> lines = core.lines();
        return lines.size() == 1 ? lines.get(0) : null;
    }
}
