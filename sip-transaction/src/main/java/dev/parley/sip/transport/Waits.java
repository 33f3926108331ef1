package dev.parley.sip.transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for the event loop from another thread, never without a bound. */
final class Waits {

    private static final long SECONDS = 10;

    private Waits() {
    }

    /** Waits up to 10 s for {@code f}; a failure or timeout becomes an IllegalStateException naming {@code what}. */
    static <T> T bounded(CompletableFuture<T> f, String what) {
        try {
            return f.get(SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not finish within " + SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }
}
