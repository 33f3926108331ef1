package dev.parley.ua.internal.phone;

import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.transaction.ClientTransaction;
import dev.parley.ua.DtmfEvent;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * DTMF by SIP INFO (RFC 6086 carries it; the {@code application/dtmf-relay} body is the de facto
 * format: {@code Signal=5} and {@code Duration=160} lines): the fallback when the peer did not
 * negotiate RFC 4733 telephone-event. Sending and parsing; both run on the SIP thread.
 */
final class DtmfRelay {

    static final String CONTENT_TYPE = "application/dtmf-relay";
    /** Lenient: a body without Duration is taken as this long (the common default of such devices). */
    static final int DEFAULT_DURATION_MILLIS = 250;
    /** Bodies longer than this are not DTMF; they are refused, not scanned. */
    private static final int MAX_BODY = 512;

    private DtmfRelay() {
    }

    /**
     * Sends one digit in an INFO inside the call's dialog; {@code done} gets the final status code
     * (408 on timeout, 503 on a transport error).
     */
    static void send(CallImpl call, char digit, int durationMillis, IntConsumer done) {
        String body = "Signal=" + digit + "\r\nDuration=" + durationMillis + "\r\n";
        // RFC 3261 §22.2: a challenged INFO is sent again with credentials (DialogRequest).
        InDialog.send(call, "INFO", b -> b.body(CONTENT_TYPE, body.getBytes(StandardCharsets.US_ASCII)),
                new ClientTransaction.Listener<>() {
                    @Override
                    public void onResponse(SipResponse r) {
                        if (r.statusCode() >= 200) {
                            done.accept(r.statusCode());
                        }
                    }

                    @Override
                    public void onTimeout() {
                        done.accept(408);
                    }

                    @Override
                    public void onTransportError() {
                        done.accept(503);
                    }
                });
    }

    /** Whether an INFO carries DTMF (its Content-Type is application/dtmf-relay). */
    static boolean isDtmf(SipRequest info) {
        return info.contentType().map(t -> t.toLowerCase(Locale.ROOT).startsWith(CONTENT_TYPE)).orElse(false);
    }

    /**
     * The digit of an {@code application/dtmf-relay} body, or empty when it has none that makes
     * sense. Keys are matched without regard to case; spaces around {@code =} are allowed.
     */
    static Optional<DtmfEvent> parse(byte[] body) {
        if (body.length > MAX_BODY) {
            return Optional.empty();
        }
        char digit = 0;
        int duration = DEFAULT_DURATION_MILLIS;
        for (String line : new String(body, StandardCharsets.US_ASCII).split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).trim();
            if (key.equals("signal")) {
                digit = signal(value.toUpperCase(Locale.ROOT));
            } else if (key.equals("duration")) {
                duration = millis(value);
            }
        }
        if (digit == 0 || duration < 0) {
            return Optional.empty();
        }
        return Optional.of(new DtmfEvent(digit, duration));
    }

    private static char signal(String v) {
        if (v.length() == 1 && DtmfSender.DIGITS.indexOf(v.charAt(0)) >= 0) {
            return v.charAt(0);
        }
        // Lenient: some devices send the RFC 4733 event number: 10 for *, 11 for #.
        return switch (v) {
            case "10" -> '*';
            case "11" -> '#';
            default -> 0;
        };
    }

    private static int millis(String v) {
        if (v.isEmpty() || v.length() > 6) {
            return -1;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(v);
    }
}
