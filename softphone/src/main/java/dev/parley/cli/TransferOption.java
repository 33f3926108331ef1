package dev.parley.cli;

import dev.parley.ua.Call;
import dev.parley.ua.TransferProgress;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code --transfer-to URI} of {@code call} and {@code listen}: once a call is answered, a blind
 * transfer (RFC 5589 §6) of the peer to URI — REFER, the peer's NOTIFY reports, and our BYE when the
 * target answered ({@link Call#blindTransfer}).
 */
final class TransferOption {

    static final OptionSpec SPEC = OptionSpec.value("transfer-to", "URI",
            "after the answer, blind-transfer the other party to URI (REFER, RFC 3515)");

    /** How long the transfer may take: the target has to answer (ua-core gives up after 180 s itself). */
    static final int WAIT_SECONDS = 90;

    private TransferOption() {
    }

    /** The target, checked to be a SIP URI, if the option was given. */
    static Optional<String> target(ParsedArgs args) throws UsageException {
        Optional<String> uri = args.value("transfer-to");
        if (uri.isPresent() && !uri.get().matches("(?i)sips?:[^\\s<>\"]+")) {
            throw new UsageException("--transfer-to takes a SIP URI such as sip:carol@127.0.0.1:5064, not '" + uri.get() + "'");
        }
        return uri;
    }

    /** Outcome line for a finished transfer. */
    static String describe(String target, TransferProgress progress) {
        return progress.succeeded()
                ? "transferred to " + target + " (" + progress.statusCode() + " " + progress.reason() + ")"
                : "transfer to " + target + " failed: " + progress.statusCode() + " " + progress.reason();
    }

    /**
     * Transfers {@code call} to {@code target} and waits for the outcome; prints it.
     *
     * @return true when the target answered (the call then ends by our BYE)
     */
    static boolean transferAndWait(Call call, String target, PrintStream human, PrintStream err) throws InterruptedException {
        human.println("transferring " + call.remote() + " to " + target);
        CompletionStage<TransferProgress> stage;
        try {
            stage = call.blindTransfer(target);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("transfer to " + target + " not started: " + e.getMessage());
            return false;
        }
        try {
            TransferProgress p = stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            human.println(describe(target, p));
            return p.succeeded();
        } catch (ExecutionException e) {
            err.println("transfer to " + target + " failed: " + e.getCause().getMessage());
            return false;
        } catch (TimeoutException e) {
            err.println("transfer to " + target + ": no outcome within " + WAIT_SECONDS + " s");
            return false;
        }
    }
}
