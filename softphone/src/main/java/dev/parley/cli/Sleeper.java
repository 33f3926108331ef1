package dev.parley.cli;

/** Waiting in the command's main thread: the phone's own threads do the work meanwhile. */
final class Sleeper {
    private Sleeper() {
    }

    /** Sleeps; an interrupt (Ctrl-C handling, a test) ends the wait early. */
    static void sleepSeconds(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sleeps {@code millis}; an interrupt ends the wait early (and stays set). */
    static void sleepMillis(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
