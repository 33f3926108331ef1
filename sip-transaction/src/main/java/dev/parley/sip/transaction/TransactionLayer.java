package dev.parley.sip.transaction;

import dev.parley.sip.transport.Endpoint;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The transaction layer of one stack (RFC 3261 §17): creates client transactions for the TU,
 * matches incoming messages to transactions (§17.1.3, §17.2.3), creates server transactions for
 * new requests and handles CANCEL (§9.2).
 *
 * <p>Confined to the stack's event loop thread: every method must be called on it, and every
 * callback runs on it. The tables are bounded by {@code maxTransactions}.
 */
public final class TransactionLayer<Q, S> {

    private final TransactionContext<Q, S> ctx;
    private final int maxTransactions;
    private final Map<ClientKey, ClientEntry<S>> clients = new HashMap<>();
    private final Map<ServerKey, ServerEntry<Q, S>> servers = new HashMap<>();
    private final Map<ServerKey, ServerEntry<Q, S>> cancellable = new HashMap<>();
    private long strayResponses;
    private long rejectedRequests;

    /** A client transaction with its dispatch of matched responses. */
    private record ClientEntry<S>(ClientTransaction tx, java.util.function.Consumer<S> onResponse, Runnable onTransportError) {
    }

    /** A server transaction with its dispatch and the To tag needed by RFC 2543 matching. */
    private record ServerEntry<Q, S>(ServerTransaction<Q, S> tx, java.util.function.Consumer<Q> onRequest,
                                     String requestToTag) {
    }

    public TransactionLayer(Scheduler scheduler, TimerConfig timers, MessageOps<Q, S> ops,
                            MessageSender<Q, S> sender, TransactionUser<Q, S> tu, int maxTransactions) {
        if (maxTransactions < 1) {
            throw new IllegalArgumentException("maxTransactions " + maxTransactions);
        }
        this.ctx = new TransactionContext<>(Objects.requireNonNull(scheduler), Objects.requireNonNull(timers),
                Objects.requireNonNull(ops), Objects.requireNonNull(sender), Objects.requireNonNull(tu));
        this.maxTransactions = maxTransactions;
    }

    /**
     * Sends a request in a new client transaction: INVITE (Figure 5) or any other method except
     * ACK (Figure 6). The top Via must carry a fresh branch with the magic cookie (§8.1.1.7).
     *
     * @throws IllegalStateException    when {@code maxTransactions} transactions are open (treat as 503)
     * @throws IllegalArgumentException for ACK, or a branch that is already in use
     */
    public ClientTransaction sendRequest(Q request, Endpoint to, ClientTransaction.Listener<S> listener) {
        MatchFields f = ctx.ops().requestFields(request);
        if ("ACK".equals(f.method())) {
            throw new IllegalArgumentException("ACK is not sent in a client transaction: use sendAck");
        }
        if (size() >= maxTransactions) {
            throw new IllegalStateException("transaction table full: " + maxTransactions);
        }
        ClientKey key = ClientKey.ofRequest(f);
        if (clients.containsKey(key)) {
            throw new IllegalArgumentException("branch already in use: " + f.branch() + " " + f.method());
        }
        Runnable remove = () -> clients.remove(key);
        if ("INVITE".equals(f.method())) {
            InviteClientTransaction<Q, S> tx = new InviteClientTransaction<>(ctx, request, to, listener, remove);
            clients.put(key, new ClientEntry<>(tx, r -> tx.on(TransactionEvent.response(r)),
                    () -> tx.on(TransactionEvent.of(TransactionEvent.Kind.TRANSPORT_ERROR))));
            tx.start();
            return tx;
        }
        NonInviteClientTransaction<Q, S> tx = new NonInviteClientTransaction<>(ctx, request, f.method(), to, listener, remove);
        clients.put(key, new ClientEntry<>(tx, r -> tx.on(TransactionEvent.response(r)),
                () -> tx.on(TransactionEvent.of(TransactionEvent.Kind.TRANSPORT_ERROR))));
        tx.start();
        return tx;
    }

    /** RFC 3261 §13.2.2.4: the ACK for a 2xx is sent by the UAC core directly, outside any transaction. */
    public boolean sendAck(Q ack, Endpoint to) {
        return ctx.sender().sendRequest(ack, to);
    }

    /** A response that did not come from a transaction (stateless, e.g. by a proxy core). */
    public boolean sendStateless(S response, Endpoint to) {
        return ctx.sender().sendResponse(response, to);
    }

    /** A response from the transport. */
    public void receiveResponse(S response) {
        MatchFields f = ctx.ops().responseFields(response);
        ClientEntry<S> entry = f.branch() == null ? null : clients.get(ClientKey.ofResponse(f));
        if (entry != null) {
            entry.onResponse().accept(response);
        } else {
            // RFC 6026 §8.9 (updating RFC 3261 §18.1.2): a response that matches no client
            // transaction is silently dropped.
            strayResponses++;
        }
    }

    /**
     * The transport could not reach {@code peer} (e.g. a TCP connection was refused after the send
     * was queued): every client transaction sending to it gets its transport error (§17.1.4).
     */
    public void transportFailed(Endpoint peer) {
        java.util.List<Runnable> affected = new java.util.ArrayList<>();
        for (ClientEntry<S> e : clients.values()) {
            if (e.tx().peer().equals(peer)) {
                affected.add(e.onTransportError());
            }
        }
        affected.forEach(Runnable::run);
    }

    /** A request from the transport; {@code from} is where its responses go (§18.2.2). */
    public void receiveRequest(Q request, Endpoint from) {
        MatchFields f = ctx.ops().requestFields(request);
        ServerEntry<Q, S> existing = servers.get(ServerKey.of(f));
        if (existing != null && toTagMatches(existing, f)) {
            existing.onRequest().accept(request);
            return;
        }
        if ("ACK".equals(f.method())) {
            // RFC 3261 §17.2.3 / RFC 6026 §8.7: an ACK that matches no transaction (the ACK for a 2xx)
            // goes to the TU core.
            ctx.tu().onAck(request, from);
            return;
        }
        if (size() >= maxTransactions) {
            // RFC 3261 §21.5.4: overloaded: answer 503 without creating state.
            rejectedRequests++;
            ctx.sender().sendResponse(ctx.ops().responseFor(request, 503, "Service Unavailable"), from);
            return;
        }
        if ("CANCEL".equals(f.method())) {
            cancel(request, f, from);
        } else if ("INVITE".equals(f.method())) {
            ServerKey key = ServerKey.of(f);
            ServerKey target = ServerKey.cancelTarget(f);
            InviteServerTransaction<Q, S> tx = new InviteServerTransaction<>(ctx, request, from, () -> remove(key, target));
            ServerEntry<Q, S> entry = new ServerEntry<>(tx, q -> tx.on(TransactionEvent.request(q)), f.toTag());
            servers.put(key, entry);
            cancellable.put(target, entry);
            tx.start();
            ctx.tu().onRequest(tx, request);
        } else {
            NonInviteServerTransaction<Q, S> tx = newNonInvite(request, f, from, true);
            ctx.tu().onRequest(tx, request);
        }
    }

    /** RFC 3261 §9.2: a CANCEL gets its own transaction, answered here with 200 or 481. */
    private void cancel(Q cancel, MatchFields f, Endpoint from) {
        NonInviteServerTransaction<Q, S> tx = newNonInvite(cancel, f, from, false);
        ServerEntry<Q, S> target = cancellable.get(ServerKey.cancelTarget(f));
        if (target == null || !toTagMatches(target, f)) {
            // RFC 3261 §9.2: no matching transaction: 481 Call/Transaction Does Not Exist.
            tx.respond(ctx.ops().responseFor(cancel, 481, "Call/Transaction Does Not Exist"));
            return;
        }
        // RFC 3261 §9.2: a CANCEL that matches a transaction is answered 200 by the UAS itself; the
        // original request is answered (487) by the TU if it has no final response yet.
        tx.respond(ctx.ops().responseFor(cancel, 200, "OK"));
        if (!target.tx().hasFinalResponse()) {
            ctx.tu().onCancel(target.tx(), cancel);
        }
    }

    private NonInviteServerTransaction<Q, S> newNonInvite(Q request, MatchFields f, Endpoint from, boolean cancellableTarget) {
        ServerKey key = ServerKey.of(f);
        ServerKey target = cancellableTarget ? ServerKey.cancelTarget(f) : null;
        NonInviteServerTransaction<Q, S> tx = new NonInviteServerTransaction<>(ctx, request, f.method(), from,
                () -> remove(key, target));
        ServerEntry<Q, S> entry = new ServerEntry<>(tx, q -> tx.on(TransactionEvent.request(q)), f.toTag());
        servers.put(key, entry);
        if (target != null) {
            cancellable.put(target, entry);
        }
        return tx;
    }

    /**
     * RFC 3261 §17.2.3 (RFC 2543 fallback): the To tag must equal the request's, or for an ACK the
     * tag of the response the transaction sent. RFC 3261 branches need no such check.
     */
    private boolean toTagMatches(ServerEntry<Q, S> entry, MatchFields f) {
        if (f.rfc3261Branch()) {
            return true;
        }
        if (("ACK".equals(f.method()) || "CANCEL".equals(f.method()))
                && entry.tx() instanceof InviteServerTransaction<Q, S> ist && ist.lastResponse() != null) {
            String sent = ctx.ops().responseFields(ist.lastResponse()).toTag();
            return Objects.equals(sent, f.toTag()) || ("CANCEL".equals(f.method()) && Objects.equals(entry.requestToTag(), f.toTag()));
        }
        return Objects.equals(entry.requestToTag(), f.toTag());
    }

    private void remove(ServerKey key, ServerKey target) {
        ServerEntry<Q, S> e = servers.remove(key);
        if (target != null && e != null && cancellable.get(target) == e) {
            cancellable.remove(target);
        }
    }

    /** Open transactions, client and server. */
    public int size() {
        return clients.size() + servers.size();
    }

    public int clientTransactions() {
        return clients.size();
    }

    public int serverTransactions() {
        return servers.size();
    }

    /** Responses that matched no client transaction and were dropped (RFC 6026 §8.9). */
    public long strayResponses() {
        return strayResponses;
    }

    /** Requests answered 503 because the table was full. */
    public long rejectedRequests() {
        return rejectedRequests;
    }
}
