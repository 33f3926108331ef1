package dev.parley.ua.internal.phone;

import dev.parley.sip.transaction.Timeout;
import dev.parley.ua.Call;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Sends DTMF digits of one call, one digit at a time. With RFC 4733 telephone-event negotiated,
 * each digit is handed to the RTP session when the one before has finished (its duration plus the
 * three end packets of RFC 4733 §2.5.1.4 and a pause), so the session's small event queue never
 * fills; otherwise each digit is a SIP INFO ({@link DtmfRelay}) sent when the previous one was
 * answered, so digits arrive in order even when INFOs are retransmitted. Runs on the SIP thread;
 * the queue of digits is bounded.
 */
final class DtmfSender {

    /** Digits waiting at most; a longer backlog is refused. */
    static final int MAX_QUEUED = 64;
    static final String DIGITS = "0123456789*#ABCD";
    /** RFC 4733 §2.5.1.4: three end packets follow the event; plus a pause before the next digit. */
    private static final int GAP_MILLIS = 4 * CallMedia.PTIME_MILLIS + 40;

    private final CallImpl call;
    /** One digit to send; {@code stage} (or null) completes once it has been handed to RTP. */
    private record Digit(int event, int durationMillis, CompletableFuture<Call> stage) {
    }

    private final ArrayDeque<Digit> queue = new ArrayDeque<>();
    private Timeout next;
    /** An INFO is waiting for its final response. */
    private boolean sending;

    DtmfSender(CallImpl call) {
        this.call = call;
    }

    /** Refuses, before anything is queued, a character that is no DTMF digit or a duration out of 40-5000 ms. */
    static void check(String digits, int durationMillis) {
        for (int i = 0; i < digits.length(); i++) {
            if (DIGITS.indexOf(Character.toUpperCase(digits.charAt(i))) < 0) {
                throw new IllegalArgumentException("not a DTMF digit: '" + digits.charAt(i) + "' in " + digits);
            }
        }
        if (durationMillis < 40 || durationMillis > 5000) {
            throw new IllegalArgumentException("DTMF duration " + durationMillis + " ms: use 40 to 5000");
        }
    }

    /** Queues {@code digits}; {@code stage} completes when the last of them has been handed to RTP. */
    void send(String digits, int durationMillis, CompletableFuture<Call> stage) {
        if (!call.state().isEstablished()) {
            call.core.events().fail(stage, new IllegalStateException("DTMF needs an established call; this one is "
                    + call.state()));
            return;
        }
        if (queue.size() + digits.length() > MAX_QUEUED) {
            call.core.events().fail(stage, new IllegalStateException("more than " + MAX_QUEUED + " DTMF digits waiting"));
            return;
        }
        if (digits.isEmpty()) {
            call.completeStage(stage);
            return;
        }
        for (int i = 0; i < digits.length(); i++) {
            int code = DIGITS.indexOf(Character.toUpperCase(digits.charAt(i)));
            queue.add(new Digit(code, durationMillis, i == digits.length() - 1 ? stage : null));
        }
        if (next == null && !sending) {
            sendNext();
        }
    }

    private void sendNext() {
        next = null;
        Digit digit = queue.poll();
        if (digit == null) {
            return;
        }
        if (!call.media().telephoneEvents()) {
            sending = true;
            DtmfRelay.send(call, DIGITS.charAt(digit.event()), digit.durationMillis(), code -> infoAnswered(digit, code));
            return;
        }
        call.media().sendTelephoneEvent(digit.event(), digit.durationMillis());
        if (digit.stage() != null) {
            call.completeStage(digit.stage());
        }
        next = call.core.scheduler().schedule(digit.durationMillis() + GAP_MILLIS, this::sendNext);
    }

    private void infoAnswered(Digit digit, int code) {
        sending = false;
        if (call.state() == dev.parley.ua.CallState.ENDED) {
            return;
        }
        if (code >= 300) {
            // The peer refused a digit: the rest of that sendDtmf call is dropped and its stage fails.
            RuntimeException failure = new dev.parley.ua.RequestFailedException(code, "INFO with DTMF refused");
            Digit d = digit;
            while (d.stage() == null && !queue.isEmpty()) {
                d = queue.poll();
            }
            if (d.stage() != null) {
                call.core.events().fail(d.stage(), failure);
            }
        } else if (digit.stage() != null) {
            call.completeStage(digit.stage());
        }
        sendNext();
    }

    /** The call ended: digits not yet sent are dropped and their stages fail. */
    void stop(RuntimeException why) {
        if (next != null) {
            next.cancel();
            next = null;
        }
        for (Digit digit : queue) {
            if (digit.stage() != null) {
                call.core.events().fail(digit.stage(), why);
            }
        }
        queue.clear();
    }
}
