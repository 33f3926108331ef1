package dev.parley.sip.transaction;

import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import java.util.ArrayList;
import java.util.List;

/**
 * One transaction layer in virtual time with a recording wire and a recording TU: tests inject
 * messages "from the wire" and read what was sent, and when.
 */
final class Harness implements MessageSender<TestRequest, TestResponse>, TransactionUser<TestRequest, TestResponse> {

    static final Endpoint UDP_PEER = Endpoint.of(TransportKind.UDP, "127.0.0.1", 5070);
    static final Endpoint TCP_PEER = Endpoint.of(TransportKind.TCP, "127.0.0.1", 5070);

    /** A message on the wire at an instant. */
    record Sent(long at, Object message) {
    }

    /** An event seen by a TU, at an instant. */
    record Seen(long at, String what, Object message) {
    }

    final VirtualTime time = new VirtualTime();
    final List<Sent> sent = new ArrayList<>();
    final List<Seen> seen = new ArrayList<>();
    final List<ServerTransaction<TestRequest, TestResponse>> servers = new ArrayList<>();
    final TransactionLayer<TestRequest, TestResponse> layer;
    boolean failSends;

    Harness(TimerConfig config) {
        layer = new TransactionLayer<>(time, config, new TestOps(), this, this, 1000);
    }

    Harness() {
        this(TimerConfig.DEFAULT);
    }

    @Override
    public boolean sendRequest(TestRequest request, Endpoint to) {
        if (failSends) {
            return false;
        }
        sent.add(new Sent(time.now(), request));
        return true;
    }

    @Override
    public boolean sendResponse(TestResponse response, Endpoint to) {
        if (failSends) {
            return false;
        }
        sent.add(new Sent(time.now(), response));
        return true;
    }

    @Override
    public void onRequest(ServerTransaction<TestRequest, TestResponse> transaction, TestRequest request) {
        servers.add(transaction);
        seen.add(new Seen(time.now(), "request", request));
    }

    @Override
    public void onAck(TestRequest ack, Endpoint from) {
        seen.add(new Seen(time.now(), "ack", ack));
    }

    @Override
    public void onCancel(ServerTransaction<TestRequest, TestResponse> cancelled, TestRequest cancel) {
        seen.add(new Seen(time.now(), "cancel", cancel));
    }

    @Override
    public void onTimeout(ServerTransaction<TestRequest, TestResponse> transaction) {
        seen.add(new Seen(time.now(), "timeout", null));
    }

    @Override
    public void onTransportError(ServerTransaction<TestRequest, TestResponse> transaction) {
        seen.add(new Seen(time.now(), "transport-error", null));
    }

    /** A client listener that records into {@link #seen}. */
    ClientTransaction.Listener<TestResponse> recorder() {
        return new ClientTransaction.Listener<>() {
            @Override
            public void onResponse(TestResponse response) {
                seen.add(new Seen(time.now(), "response " + response.status(), response));
            }

            @Override
            public void onTimeout() {
                seen.add(new Seen(time.now(), "timeout", null));
            }

            @Override
            public void onTransportError() {
                seen.add(new Seen(time.now(), "transport-error", null));
            }

            @Override
            public void onTerminated() {
                seen.add(new Seen(time.now(), "terminated", null));
            }
        };
    }

    /** Instants at which a message satisfying {@code kind} was sent. */
    List<Long> sendTimes(java.util.function.Predicate<Object> kind) {
        return sent.stream().filter(s -> kind.test(s.message())).map(Sent::at).toList();
    }

    List<String> seenNames() {
        return seen.stream().map(Seen::what).toList();
    }

    static java.util.function.Predicate<Object> requestNamed(String method) {
        return m -> m instanceof TestRequest r && r.method().equals(method);
    }

    static java.util.function.Predicate<Object> status(int code) {
        return m -> m instanceof TestResponse r && r.status() == code;
    }
}
