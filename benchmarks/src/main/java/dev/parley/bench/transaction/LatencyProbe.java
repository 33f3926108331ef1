package dev.parley.bench.transaction;

import dev.parley.sip.message.NameAddr;
import dev.parley.sip.message.SipMethod;
import dev.parley.sip.message.SipRequest;
import dev.parley.sip.message.SipResponse;
import dev.parley.sip.message.SipUri;
import dev.parley.sip.transaction.ClientTransaction;
import dev.parley.sip.transaction.ServerTransaction;
import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transaction.TransactionUser;
import dev.parley.sip.transaction.peer.SipNode;
import dev.parley.sip.transport.Endpoint;
import dev.parley.sip.transport.TransportKind;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * Our own latency probe (SIPp's clock ticks every 4 ms here): sends an OPTIONS to the UAS every
 * {@code periodMillis} and records the time to its final response with {@link System#nanoTime()}.
 */
final class LatencyProbe implements AutoCloseable {

    private final SipNode<TransactionUser<SipRequest, SipResponse>> node;
    private final Endpoint target;
    private final long[] samples = new long[1 << 16];
    private int count;
    private int lost;
    private long sequence;
    private volatile boolean running = true;

    LatencyProbe(InetSocketAddress uas, long periodMillis) {
        this.target = new Endpoint(TransportKind.UDP, uas);
        this.node = SipNode.start("probe", new InetSocketAddress("127.0.0.1", 0), TimerConfig.DEFAULT, 100_000,
                (loop, addr) -> new TransactionUser<>() {
                    @Override
                    public void onRequest(ServerTransaction<SipRequest, SipResponse> tx, SipRequest request) {
                        tx.respond(request.createResponse(501, "Not Implemented", "probe"));
                    }
                });
        node.loop().execute(() -> tick(periodMillis));
    }

    private void tick(long periodMillis) {
        if (!running) {
            return;
        }
        node.loop().schedule(periodMillis, () -> tick(periodMillis));
        SipUri uri = SipUri.of("uas", target.address().getAddress().getHostAddress(), target.address().getPort());
        SipUri me = SipUri.of("probe", node.address().getAddress().getHostAddress(), node.address().getPort());
        SipRequest options = SipRequest.builder(SipMethod.OPTIONS, uri)
                .via(node.stack().newVia(TransportKind.UDP))
                .maxForwards(70)
                .from(NameAddr.of(me).withTag("p" + sequence))
                .to(NameAddr.of(uri))
                .callId("probe-" + (++sequence) + "@" + me.host())
                .cseq(1, SipMethod.OPTIONS)
                .build();
        long sent = System.nanoTime();
        lost++;
        node.stack().sendRequest(options, target, new ClientTransaction.Listener<>() {
            @Override
            public void onResponse(SipResponse response) {
                if (response.isFinal() && count < samples.length) {
                    samples[count++] = System.nanoTime() - sent;
                    lost--;
                }
            }
        });
    }

    /** Clears the samples (on the probe's loop). */
    void reset() {
        node.loop().execute(() -> {
            count = 0;
            lost = 0;
        });
    }

    /** "p50 0.31 ms, p99 1.20 ms, max 3.10 ms (n=500)" of the samples so far. */
    String summary() {
        java.util.concurrent.CompletableFuture<long[]> copy = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Integer> unanswered = new java.util.concurrent.CompletableFuture<>();
        node.loop().execute(() -> {
            copy.complete(Arrays.copyOf(samples, count));
            unanswered.complete(lost);
        });
        long[] s = copy.join();
        if (s.length == 0) {
            return "no samples";
        }
        Arrays.sort(s);
        return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms (n=%d, unanswered so far %d)", s[s.length / 2] / 1e6,
                s[(int) Math.min(s.length - 1, Math.round(s.length * 0.99))] / 1e6, s[s.length - 1] / 1e6, s.length,
                unanswered.join());
    }

    @Override
    public void close() {
        running = false;
        node.close();
    }
}
