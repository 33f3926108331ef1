package dev.parley.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits on the API's stages, for the demo and the subcommands: every wait has a timeout, none throws. */
final class Bounded {

    private Bounded() {
    }

    /** The stage's value, or null when it did not complete normally within {@code millis}. */
    static <T> T get(CompletableFuture<T> f, long millis) {
        try {
            return f.get(Math.max(0, millis), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether the stage completed normally within {@code millis}. */
    static boolean await(CompletableFuture<?> f, long millis) {
        try {
            f.get(Math.max(0, millis), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Why a stage failed, for a check's detail; empty if it did not fail. */
    static String failure(CompletableFuture<?> f) {
        if (!f.isCompletedExceptionally()) {
            return "";
        }
        try {
            f.join();
            return "";
        } catch (CompletionException e) {
            return String.valueOf(e.getCause());
        }
    }
}
