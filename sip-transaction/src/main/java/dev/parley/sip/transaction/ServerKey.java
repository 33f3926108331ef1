package dev.parley.sip.transaction;

/**
 * The identity of a server transaction (RFC 3261 §17.2.3). With an RFC 3261 branch (magic cookie
 * present) it is branch + sent-by + method; otherwise the RFC 2543 fallback: Request-URI, From
 * tag, Call-ID, CSeq number and the whole top Via (the To tag is checked separately, because an
 * ACK carries the tag of the response rather than the one of the request).
 *
 * <p>{@code method} is null in the key that finds the transaction a CANCEL cancels (§9.2).
 */
record ServerKey(String branch, String sentBy, String method,
                 String requestUri, String fromTag, String callId, long cseq, String topVia) {

    /** The key of the transaction a request belongs to. */
    static ServerKey of(MatchFields f) {
        // RFC 3261 §17.2.3: the ACK for a non-2xx response matches the INVITE transaction.
        String method = "ACK".equals(f.method()) ? "INVITE" : f.method();
        return key(f, method);
    }

    /** RFC 3261 §9.2: the transaction a CANCEL targets, matched as §17.2.3 says but ignoring the method. */
    static ServerKey cancelTarget(MatchFields f) {
        return key(f, null);
    }

    private static ServerKey key(MatchFields f, String method) {
        if (f.rfc3261Branch()) {
            // RFC 3261 §17.2.3: branch, sent-by and method identify the transaction.
            return new ServerKey(f.branch(), f.sentBy(), method, null, null, null, 0, null);
        }
        // RFC 3261 §17.2.3: without the magic cookie, fall back to the RFC 2543 rules.
        return new ServerKey(null, null, method, f.requestUri(), f.fromTag(), f.callId(), f.cseq(), f.topVia());
    }

    boolean legacy() {
        return branch == null;
    }
}
