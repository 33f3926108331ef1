package dev.parley.cli;

/** A command line mistake: what is wrong and how to fix it. Maps to {@link ExitCode#USAGE}. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
