package dev.parley.ua;

import dev.parley.ua.internal.net.PhoneRuntime;
import dev.parley.ua.internal.net.UdpRuntime;
import dev.parley.ua.internal.phone.CallImpl;
import dev.parley.ua.internal.phone.LineImpl;
import dev.parley.ua.internal.phone.PhoneCore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a {@link SoftPhone} closes, in order: its conferences and calls end, its registered lines
 * unregister, the answers to those last requests are awaited with the socket still open
 * (RFC 3261 §15.1.1), then sockets and threads are freed.
 */
final class PhoneShutdown {

    /** Beyond the transaction timeout, how long close() waits for the threads to stop. */
    private static final long THREAD_GRACE_MILLIS = 5_000;

    private final PhoneRuntime runtime;
    private final PhoneCore core;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile boolean started;

    PhoneShutdown(PhoneRuntime runtime, PhoneCore core) {
        this.runtime = runtime;
        this.core = core;
    }

    /** Whether closing has begun (the phone then takes no new lines or conferences). */
    boolean started() {
        return started;
    }

    /** Begins closing once; every call returns the same stage, completed when all is freed. */
    CompletionStage<Void> begin(List<Conference> conferences) {
        if (started) {
            return closed.minimalCompletionStage();
        }
        started = true;
        for (Conference conference : conferences) {
            conference.close();
        }
        runtime.execute(() -> {
            for (Call call : new ArrayList<>(core.calls())) {
                ((CallImpl) call).closeForShutdown();
            }
            List<CompletableFuture<RegistrationStatus>> pending = new ArrayList<>();
            for (LineImpl line : core.lines()) {
                RegistrationState s = line.registration().state();
                if (s != RegistrationState.UNREGISTERED) {
                    pending.add(line.unregister().toCompletableFuture());
                } else {
                    line.stop();
                }
            }
            // Then the answers to the last BYEs (RFC 3261 §15.1.1): the socket stays open for them.
            CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0]))
                    .whenComplete((v, e) -> runtime.execute(() -> core.requestsSettled()
                            .whenComplete((w, f) -> runtime.execute(this::release))));
        });
        return closed.minimalCompletionStage();
    }

    private void release() {
        for (LineImpl line : core.lines()) {
            line.stop();
        }
        core.closeSocket();
        closed.complete(null);
        runtime.close();
    }

    /**
     * For a phone on real sockets, waits (bounded by 64×T1) until {@code done} and its threads
     * stop, unless called from one of its own threads; a phone on an in-memory network is left to
     * its virtual time.
     */
    void await(CompletionStage<Void> done) {
        if (runtime instanceof UdpRuntime udp && !Thread.currentThread().getName().startsWith("parley-")) {
            long bound = core.settings().timers().transactionTimeout() + THREAD_GRACE_MILLIS;
            try {
                done.toCompletableFuture().get(bound, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("phone did not close within " + bound + " ms", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            udp.awaitTermination(THREAD_GRACE_MILLIS);
        }
    }
}
