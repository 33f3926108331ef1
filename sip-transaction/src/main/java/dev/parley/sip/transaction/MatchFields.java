package dev.parley.sip.transaction;

/**
 * What the transaction layer reads from a message to match it to a transaction (RFC 3261 §17.1.3,
 * §17.2.3). A {@link MessageOps} extracts it; values are already normalised as their comparison
 * rules require (host of sent-by in lower case, branch as received). When the branch carries the
 * magic cookie, the fields only RFC 2543 matching needs ({@code topVia}, {@code callId}, the tags,
 * {@code requestUri}) may be null, so that a message's From and To need not be parsed.
 *
 * @param method     request method; for a response, the CSeq method
 * @param branch     branch parameter of the top Via, or null when absent
 * @param sentBy     sent-by (host[:port]) of the top Via
 * @param topVia     the whole top Via value, for RFC 2543 matching
 * @param cseq       CSeq sequence number
 * @param cseqMethod CSeq method
 * @param callId     Call-ID
 * @param fromTag    tag of From, or null
 * @param toTag      tag of To, or null
 * @param requestUri Request-URI as text, or null for a response
 */
public record MatchFields(String method, String branch, String sentBy, String topVia, long cseq,
                          String cseqMethod, String callId, String fromTag, String toTag, String requestUri) {

    /** RFC 3261 §8.1.1.7: a branch that starts with this cookie was made by an RFC 3261 element. */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    /** True when the branch carries the RFC 3261 magic cookie (§17.2.3). */
    public boolean rfc3261Branch() {
        return branch != null && branch.startsWith(MAGIC_COOKIE);
    }
}
