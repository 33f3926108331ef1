package dev.parley.cli.registrar;

/**
 * The one exception {@link UsersFile#parse} throws: unchecked, naming the 1-based line and a
 * reason, created without a stack trace.
 */
public final class UsersFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with a line of the users file. */
    public enum Reason {
        /** The line has no colon between user and password. */
        NO_COLON("expected user:password"),
        /** The user part is empty or has characters a SIP user part cannot carry unescaped. */
        BAD_USER("the user must be letters, digits or -_.!~*'()&=+$,;?/ (RFC 3261 §25.1 user)"),
        /** The password is empty. */
        EMPTY_PASSWORD("the password is empty"),
        /** The same user appears twice. */
        DUPLICATE_USER("this user is already defined on an earlier line"),
        /** More lines or users than the registrar accepts. */
        TOO_LARGE("too many users");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;
    private final int line;

    UsersFileException(Reason reason, int line) {
        super("line " + line + ": " + reason.description(), null, false, false);
        this.reason = reason;
        this.line = line;
    }

    public Reason reason() {
        return reason;
    }

    /** The 1-based line number. */
    public int line() {
        return line;
    }
}
