package dev.parley.ua.internal.phone;

import dev.parley.ua.PhoneError;
import dev.parley.ua.PhoneListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Delivers listener calls and completes the futures handed to the application, always on the
 * phone's event executor, so that application code never runs on the SIP thread. A listener
 * that throws is reported to {@link PhoneListener#onError}.
 */
public final class Events {

    private static final System.Logger LOG = System.getLogger(Events.class.getName());

    private final PhoneListener listener;
    private final Executor executor;
    private long dropped;

    public Events(PhoneListener listener, Executor executor) {
        this.listener = listener;
        this.executor = executor;
    }

    /** Calls the listener on the event thread. */
    public void fire(Consumer<PhoneListener> event) {
        submit(() -> {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                reportListenerFailure(e);
            }
        });
    }

    private void reportListenerFailure(RuntimeException e) {
        try {
            listener.onError(new PhoneError("listener", "a listener threw " + e, e));
        } catch (RuntimeException again) {
            LOG.log(System.Logger.Level.WARNING, "listener onError threw", again);
        }
    }

    public <T> void complete(CompletableFuture<T> future, T value) {
        submit(() -> future.complete(value));
    }

    public void fail(CompletableFuture<?> future, Throwable error) {
        submit(() -> future.completeExceptionally(error));
    }

    private void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException full) {
            // The bounded event queue is full (a listener that never returns) or the phone is closed.
            dropped++;
        }
    }

    /** Events not delivered because the queue was full or closed. */
    public long dropped() {
        return dropped;
    }
}
