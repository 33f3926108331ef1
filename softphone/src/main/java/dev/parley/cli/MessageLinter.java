package dev.parley.cli;

import dev.parley.sdp.SdpParseException;
import dev.parley.sdp.SessionDescription;
import dev.parley.sip.message.SipMessage;
import dev.parley.sip.message.SipParseException;
import dev.parley.sip.message.SipParser;
import dev.parley.sip.message.SipRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The checks behind {@code parley lint}: parse one datagram as SIP (or SDP when it starts with
 * {@code v=}) and report every problem found, not just the first, each at a byte offset.
 */
final class MessageLinter {

    private MessageLinter() {
    }

    static List<LintProblem> lint(byte[] file) {
        if (looksLikeSdp(file)) {
            return lintSdp(file, 0, file.length);
        }
        return lintSip(file);
    }

    private static boolean looksLikeSdp(byte[] file) {
        return file.length >= 2 && file[0] == 'v' && file[1] == '=';
    }

    private static List<LintProblem> lintSdp(byte[] file, int offset, int length) {
        try {
            SessionDescription.parse(file, offset, length);
            return List.of();
        } catch (SdpParseException e) {
            // The SDP parser counts lines from the body; point at the file's byte.
            return List.of(new LintProblem(offset + e.offset(), "SDP: " + e.getMessage()));
        }
    }

    private static List<LintProblem> lintSip(byte[] file) {
        SipMessage message;
        try {
            message = new SipParser().parse(file, 0, file.length);
        } catch (SipParseException e) {
            // The message cannot be framed: nothing else can be checked.
            return List.of(new LintProblem(e.offset(), e.getMessage()));
        }
        List<LintProblem> problems = new ArrayList<>();
        int endOfHeaders = endOfHeaders(file);
        // RFC 3261 §8.1.1 (requests) and §8.2.6.2 / §20 (responses): the headers every message needs.
        require(message, "Via", endOfHeaders, problems);
        require(message, "From", endOfHeaders, problems);
        require(message, "To", endOfHeaders, problems);
        require(message, "Call-ID", endOfHeaders, problems);
        require(message, "CSeq", endOfHeaders, problems);
        if (message instanceof SipRequest) {
            // RFC 3261 §8.1.1.6: a UAC MUST insert Max-Forwards.
            require(message, "Max-Forwards", endOfHeaders, problems);
        }
        // Each typed view present is checked on its own, so that one bad header does not hide the others.
        checkIfPresent(message, "Via", message::vias, problems);
        checkIfPresent(message, "From", message::from, problems);
        checkIfPresent(message, "To", message::to, problems);
        checkIfPresent(message, "Call-ID", message::callId, problems);
        checkIfPresent(message, "CSeq", message::cseq, problems);
        checkIfPresent(message, "Max-Forwards", message::maxForwards, problems);
        checkIfPresent(message, "Contact", message::contacts, problems);
        checkIfPresent(message, "Expires", message::expires, problems);
        if (message instanceof SipRequest request && message.hasHeader("CSeq")) {
            check(() -> {
                // RFC 3261 §8.1.1.5: the CSeq method MUST match the request method.
                String cseqMethod = message.cseq().method();
                if (!cseqMethod.equals(request.method())) {
                    problems.add(new LintProblem(headerOffset(file, "CSeq"),
                            "CSeq method " + cseqMethod + " does not match the request method " + request.method()
                                    + " (RFC 3261 §8.1.1.5)"));
                }
                return null;
            }, problems);
        }
        if (problems.isEmpty()) {
            // What the individual checks do not cover: SIP version, repeated single-valued headers.
            check(() -> message.validate(), problems);
        }
        if (message.bodyLength() > 0 && message.contentType().map(MessageLinter::isSdp).orElse(false)) {
            int bodyStart = file.length - message.bodyLength();
            problems.addAll(lintSdp(file, Math.max(0, bodyStart), message.bodyLength()));
        }
        return problems;
    }

    private static boolean isSdp(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).startsWith("application/sdp");
    }

    private static void require(SipMessage m, String header, int endOfHeaders, List<LintProblem> problems) {
        if (!m.hasHeader(header)) {
            problems.add(new LintProblem(endOfHeaders, "missing mandatory header " + header + " (RFC 3261 §8.1.1)"));
        }
    }

    private static void checkIfPresent(SipMessage m, String header, Supplier<?> view, List<LintProblem> problems) {
        if (m.hasHeader(header)) {
            check(view, problems);
        }
    }

    private static void check(Supplier<?> view, List<LintProblem> problems) {
        try {
            view.get();
        } catch (SipParseException e) {
            problems.add(new LintProblem(e.offset(), e.getMessage()));
        }
    }

    /** The offset of the empty line that ends the header section (or the file's end). */
    private static int endOfHeaders(byte[] file) {
        for (int i = 0; i + 1 < file.length; i++) {
            if (file[i] == '\n' && (file[i + 1] == '\n' || (file[i + 1] == '\r' && i + 2 < file.length && file[i + 2] == '\n'))) {
                return i + 1;
            }
        }
        return file.length;
    }

    /** The offset of the first line that starts with {@code name:} (case-insensitive), or 0. */
    private static int headerOffset(byte[] file, String name) {
        int lineStart = 0;
        for (int i = 0; i <= file.length; i++) {
            if (i == file.length || file[i] == '\n') {
                if (startsWithHeader(file, lineStart, i, name)) {
                    return lineStart;
                }
                lineStart = i + 1;
            }
        }
        return 0;
    }

    private static boolean startsWithHeader(byte[] file, int from, int to, String name) {
        if (to - from <= name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            if (Character.toLowerCase((char) file[from + k]) != Character.toLowerCase(name.charAt(k))) {
                return false;
            }
        }
        int j = from + name.length();
        while (j < to && (file[j] == ' ' || file[j] == '\t')) {
            j++;
        }
        return j < to && file[j] == ':';
    }
}
