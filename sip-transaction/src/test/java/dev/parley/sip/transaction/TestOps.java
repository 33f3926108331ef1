package dev.parley.sip.transaction;

/** {@link MessageOps} over the test records. */
final class TestOps implements MessageOps<TestRequest, TestResponse> {

    @Override
    public MatchFields requestFields(TestRequest r) {
        return new MatchFields(r.method(), r.branch(), r.sentBy(), "SIP/2.0/UDP " + r.sentBy() + ";branch=" + r.branch(),
                r.cseq(), r.cseqMethod(), r.callId(), r.fromTag(), r.toTag(), r.uri());
    }

    @Override
    public MatchFields responseFields(TestResponse r) {
        return new MatchFields(r.cseqMethod(), r.branch(), r.sentBy(), "SIP/2.0/UDP " + r.sentBy() + ";branch=" + r.branch(),
                r.cseq(), r.cseqMethod(), r.callId(), r.fromTag(), r.toTag(), null);
    }

    @Override
    public int statusCode(TestResponse response) {
        return response.status();
    }

    @Override
    public TestRequest ackFor(TestRequest invite, TestResponse response) {
        return new TestRequest("ACK", invite.branch(), invite.sentBy(), invite.cseq(), invite.callId(),
                invite.fromTag(), response.toTag(), invite.uri());
    }

    @Override
    public TestResponse responseFor(TestRequest request, int statusCode, String reasonPhrase) {
        return TestResponse.to(request, statusCode);
    }
}
