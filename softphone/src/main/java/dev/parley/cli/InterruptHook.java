package dev.parley.cli;

import java.io.PrintStream;

/**
 * What Ctrl-C (SIGINT) and SIGTERM do to a running {@code parley} command: one JVM shutdown hook
 * for the process, {@linkplain #install() installed} by {@link Main#main} before the subcommand
 * runs and {@linkplain #remove() removed} once it has returned, so that it runs only when a signal
 * (not the command's own {@code System.exit}) ends the process.
 *
 * <p>A phone subcommand ({@code register}, {@code call}, {@code listen}, {@code conference}) hands
 * its open {@link PhoneSession} to {@link #watch}. On a signal the hook then has the session close
 * its phone — BYE for every confirmed call (RFC 3261 §15.1.1), CANCEL for every outgoing call with
 * a provisional response (§9.1), calls with none yet abandoned (no CANCEL may precede a provisional
 * response, §9.1), incoming calls still ringing refused with 480 Temporarily Unavailable
 * (§21.4.18: this phone is going away, try later; not 603, nobody declined, nor 503, which would
 * send the caller to another server), registered lines unregistered with Expires: 0 (§10.2.2) —
 * and waits at most {@link #CLOSE_WAIT_MILLIS} for the answers, so that a dead peer or registrar
 * never stalls the exit. It prints that the command was interrupted (a JSON {@code interrupted}
 * event too with {@code --events json}) and halts with {@link ExitCode#INTERRUPTED}, 130, for
 * either signal: the JDK offers no portable way for a hook to learn which signal came.
 *
 * <p>Other subcommands ({@code registrar}, {@code demo}, {@code lint}, {@code codec}) hold nothing
 * a peer waits on: the hook says "interrupted" and halts with 130 at once.
 *
 * <p>Threads: the hook runs on its own thread while the command's thread carries on; the command's
 * own ending then blocks in {@code System.exit} until the hook halts the JVM.
 */
final class InterruptHook {

    /**
     * How long a signalled command waits for the answers to its BYEs, CANCELs and REGISTERs: the
     * first answer on loopback or a LAN takes a few milliseconds, a lost one is retransmitted after
     * T1 = 500 ms and 1.5 s (RFC 3261 §17.1.2.2), so 2 s covers two losses and bounds the exit.
     */
    static final long CLOSE_WAIT_MILLIS = 2_000;

    /** What the phone subcommands' help says about Ctrl-C. */
    static final String HELP = """
            Ctrl-C or SIGTERM: hangs up (BYE), cancels calls ringing at the other end (CANCEL;
            calls without any response are abandoned), refuses calls ringing here (480),
            unregisters (Expires: 0), waits at most 2 s for the answers, then exits with 130.""";

    private final PrintStream out;
    private final PrintStream err;
    private final Thread thread = new Thread(this::run, "parley interrupt hook");
    private volatile PhoneSession session;

    /**
     * @param out where the command prints (flushed before the JVM halts)
     * @param err where "interrupted" goes when no phone session is open
     */
    InterruptHook(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Registers the hook with the JVM: from now on SIGINT and SIGTERM run it. */
    void install() {
        Runtime.getRuntime().addShutdownHook(thread);
    }

    /**
     * Unregisters the hook once the command has returned. When a signal came first the hook is
     * running already; it decides the exit status and the caller's {@code System.exit} waits for it.
     */
    void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running and will halt with 130.
        }
    }

    /** On a signal, {@code phoneSession} is closed as described above (the last session watched). */
    void watch(PhoneSession phoneSession) {
        this.session = phoneSession;
    }

    /**
     * What the hook does before the JVM halts: ends the watched session's calls and registration,
     * bounded by {@link #CLOSE_WAIT_MILLIS}, or just says "interrupted". Separate from the halt so
     * that it can run in a test's JVM.
     */
    void interrupt() {
        PhoneSession watched = session;
        if (watched != null) {
            watched.interrupted(CLOSE_WAIT_MILLIS);
        } else {
            err.println("parley: interrupted");
        }
    }

    private void run() {
        try {
            interrupt();
        } finally {
            out.flush();
            err.flush();
            // Halting ends the JVM with our status instead of the one the signal handler chose (128 + signal).
            Runtime.getRuntime().halt(ExitCode.INTERRUPTED.status());
        }
    }
}
