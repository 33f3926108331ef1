package dev.parley.sip.transaction;

/** A response reduced to what the transaction layer reads. */
record TestResponse(int status, String branch, String sentBy, long cseq, String cseqMethod, String callId,
                    String fromTag, String toTag) {

    /** The response a UAS would build for {@code request} (RFC 3261 §8.2.6.2). */
    static TestResponse to(TestRequest request, int status) {
        String tag = request.toTag() != null ? request.toTag() : status == 100 ? null : "uas-tag";
        return new TestResponse(status, request.branch(), request.sentBy(), request.cseq(), request.method(),
                request.callId(), request.fromTag(), tag);
    }
}
