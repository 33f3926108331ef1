package dev.parley.cli;

import dev.parley.ua.Call;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The calls that replaced ours when a peer transferred us (RFC 3515 §2.4.2, reported by
 * {@code PhoneListener.onCallTransferred}), kept by the Call-ID of the call they replaced so that
 * a demo step or a subcommand waiting on that call can pick up the new one. Bounded: beyond
 * {@link #MAX_TRANSFERS} calls, a further transfer is not followed.
 */
final class TransferReplacements {

    /** Transfers followed at most, per phone. */
    static final int MAX_TRANSFERS = 16;

    private final Map<String, CompletableFuture<Call>> byReplacedCall = new HashMap<>();

    /** The phone reported that {@code replacement} took the place of {@code previous}. */
    void transferred(Call previous, Call replacement) {
        slot(previous).complete(replacement);
    }

    /** The call that replaced {@code previous}, or null if none was reported within {@code millis}. */
    Call await(Call previous, long millis) {
        return Bounded.get(slot(previous), millis);
    }

    private synchronized CompletableFuture<Call> slot(Call previous) {
        if (byReplacedCall.size() >= MAX_TRANSFERS && !byReplacedCall.containsKey(previous.id())) {
            return new CompletableFuture<>(); // Lenient: beyond the bound a transfer is not followed
        }
        return byReplacedCall.computeIfAbsent(previous.id(), k -> new CompletableFuture<>());
    }
}
