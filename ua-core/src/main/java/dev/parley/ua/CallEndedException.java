package dev.parley.ua;

/** Completes a call's stage exceptionally when the call ended before the stage's event happened. */
public final class CallEndedException extends RuntimeException {

    private final transient CallEnd end;

    public CallEndedException(CallEnd end) {
        super(end.cause() + (end.statusCode() == 0 ? "" : " " + end.statusCode()) + " " + end.reason(), null, false, false);
        this.end = end;
    }

    public CallEnd end() {
        return end;
    }
}
