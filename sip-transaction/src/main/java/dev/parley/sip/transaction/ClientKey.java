package dev.parley.sip.transaction;

/**
 * RFC 3261 §17.1.3: a response matches a client transaction when the branch of its top Via and
 * its CSeq method equal those of the request that created the transaction (the method is needed
 * because a CANCEL shares the branch of the request it cancels).
 */
record ClientKey(String branch, String method) {

    static ClientKey ofRequest(MatchFields f) {
        return new ClientKey(f.branch(), f.method());
    }

    static ClientKey ofResponse(MatchFields f) {
        return new ClientKey(f.branch(), f.cseqMethod());
    }
}
