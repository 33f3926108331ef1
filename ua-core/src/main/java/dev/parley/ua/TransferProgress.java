package dev.parley.ua;

/**
 * Progress of a call transfer as reported by NOTIFY with a {@code message/sipfrag} body
 * (part 2: RFC 3515 §2.4.5).
 *
 * @param statusCode the status line of the fragment (100, 180, 200, 486…)
 * @param reason     its reason phrase
 * @param finished   whether this is the final report (a final status, or the subscription ended)
 */
public record TransferProgress(int statusCode, String reason, boolean finished) {

    public TransferProgress {
        if (statusCode < 100 || statusCode > 699) {
            throw new IllegalArgumentException("status code " + statusCode);
        }
        java.util.Objects.requireNonNull(reason, "reason");
    }

    /** Whether the transfer target answered (a 2xx final status). */
    public boolean succeeded() {
        return finished && statusCode >= 200 && statusCode < 300;
    }
}
