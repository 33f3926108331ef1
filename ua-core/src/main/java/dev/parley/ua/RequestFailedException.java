package dev.parley.ua;

/**
 * A request inside a call was refused or got no answer, and the call goes on as it was (for
 * example a re-INVITE for {@link Call#hold()} answered 488). Carries the final status code.
 */
public final class RequestFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    public RequestFailedException(int statusCode, String reason) {
        super(statusCode + " " + reason, null, false, false);
        this.statusCode = statusCode;
    }

    /** The final response's status code. */
    public int statusCode() {
        return statusCode;
    }
}
