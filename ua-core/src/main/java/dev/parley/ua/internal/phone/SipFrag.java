package dev.parley.ua.internal.phone;

import dev.parley.ua.TransferProgress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code message/sipfrag} bodies of REFER's NOTIFYs (RFC 3420; RFC 3515 §2.4.5): a status
 * line alone, {@code SIP/2.0 200 OK}, saying how the referenced request is doing.
 */
final class SipFrag {

    static final String CONTENT_TYPE = "message/sipfrag;version=2.0";
    /** Bodies longer than this are not a status line worth reading; they are refused, not scanned. */
    private static final int MAX_BODY = 1024;

    private SipFrag() {
    }

    /** RFC 3420 §2: a fragment that is just a Status-Line (RFC 3261 §7.2), ended by CRLF. */
    static byte[] statusLine(int code, String reason) {
        return ("SIP/2.0 " + code + " " + reason + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a NOTIFY's Content-Type is message/sipfrag (parameters such as version ignored). */
    static boolean isSipFrag(Optional<String> contentType) {
        return contentType.map(t -> t.toLowerCase(Locale.ROOT).startsWith("message/sipfrag")).orElse(false);
    }

    /**
     * The status of a fragment that starts with a Status-Line, or empty (a request fragment, a bad
     * or oversized body). {@code finished} is what the caller decided from Subscription-State.
     */
    static Optional<TransferProgress> parse(byte[] body, boolean subscriptionTerminated) {
        if (body.length < 11 || body.length > MAX_BODY) {
            return Optional.empty();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        int eol = text.indexOf('\n');
        String line = (eol < 0 ? text : text.substring(0, eol)).strip();
        // RFC 3261 §7.2: Status-Line = SIP-Version SP Status-Code SP Reason-Phrase.
        if (!line.regionMatches(true, 0, "SIP/2.0 ", 0, 8) || line.length() < 11) {
            return Optional.empty();
        }
        int code = 0;
        for (int i = 8; i < 11; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            code = code * 10 + (c - '0');
        }
        if (code < 100 || code > 699 || (line.length() > 11 && line.charAt(11) != ' ')) {
            return Optional.empty();
        }
        String reason = line.length() > 12 ? line.substring(12) : "";
        // RFC 3515 §2.4.5: a final status ends the reporting; so does a terminated subscription.
        return Optional.of(new TransferProgress(code, reason, code >= 200 || subscriptionTerminated));
    }
}
