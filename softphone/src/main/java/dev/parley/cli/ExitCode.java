package dev.parley.cli;

/**
 * The exit statuses of the {@code parley} command. Scripts rely on these numbers: they never change
 * meaning between versions.
 */
public enum ExitCode {
    /** Everything asked for worked (or, for {@code lint}, the message is valid). */
    SUCCESS(0),
    /** {@code lint} found problems; {@code demo} had a failed check. */
    PROBLEMS(1),
    /** The command line was wrong: unknown subcommand or option, missing or bad value. */
    USAGE(2),
    /** Registration failed (rejected, timed out, or no route to the registrar). */
    REGISTRATION_FAILED(3),
    /** The call failed: rejected, timed out, or ended abnormally. */
    CALL_FAILED(4),
    /** A file could not be read or written, or a port could not be bound. */
    IO_ERROR(5),
    /**
     * Ctrl-C (SIGINT) or SIGTERM ended the command ({@link InterruptHook}): 128 + 2, the shell's
     * status for SIGINT, whichever of the two signals came, since a JVM shutdown hook cannot tell
     * which signal began the shutdown.
     */
    INTERRUPTED(130);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    /** The process exit status. */
    public int status() {
        return status;
    }
}
