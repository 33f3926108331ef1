package dev.parley.cli;

import dev.parley.ua.RegistrationState;
import dev.parley.ua.RegistrationStatus;
import java.util.concurrent.CompletableFuture;

/**
 * The first settled registration outcome of a line — registered or failed — that the demo's
 * parties and the {@code register}, {@code call} and {@code listen} subcommands wait for;
 * the transient states before it (registering, unregistered) are passed over.
 */
final class FirstRegistrationOutcome {

    private final CompletableFuture<RegistrationStatus> settled = new CompletableFuture<>();

    /** Takes a status reported by the phone; the first registered or failed one completes the outcome. */
    void offer(RegistrationStatus status) {
        if (status.state() == RegistrationState.REGISTERED || status.state() == RegistrationState.FAILED) {
            settled.complete(status);
        }
    }

    /** Completes with the first registered or failed status. */
    CompletableFuture<RegistrationStatus> future() {
        return settled;
    }
}
