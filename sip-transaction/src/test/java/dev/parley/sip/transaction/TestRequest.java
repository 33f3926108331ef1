package dev.parley.sip.transaction;

/** A request reduced to what the transaction layer reads; stands in for the sip-message model. */
record TestRequest(String method, String branch, String sentBy, long cseq, String callId, String fromTag,
                   String toTag, String uri) {

    static TestRequest invite(String branch) {
        return new TestRequest("INVITE", branch, "10.0.0.1:5060", 1, "call-" + branch, "ft", null, "sip:bob@10.0.0.2");
    }

    static TestRequest request(String method, String branch) {
        return new TestRequest(method, branch, "10.0.0.1:5060", 7, "call-" + branch, "ft", null, "sip:bob@10.0.0.2");
    }

    TestRequest withMethod(String m) {
        return new TestRequest(m, branch, sentBy, cseq, callId, fromTag, toTag, uri);
    }

    TestRequest withSentBy(String s) {
        return new TestRequest(method, branch, s, cseq, callId, fromTag, toTag, uri);
    }

    TestRequest withToTag(String t) {
        return new TestRequest(method, branch, sentBy, cseq, callId, fromTag, t, uri);
    }

    TestRequest withBranch(String b) {
        return new TestRequest(method, b, sentBy, cseq, callId, fromTag, toTag, uri);
    }

    String cseqMethod() {
        return method;
    }
}
