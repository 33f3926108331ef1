package dev.parley.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helper: {@code parley} subcommands run in this JVM on their own threads, as a user types them. */
final class CommandRuns {

    private CommandRuns() {
    }

    /** A finished run: its exit code and everything it printed. */
    record Run(ExitCode code, String out, String err) {
    }

    /** A running command that has bound its SIP port, with what it has printed so far. */
    record Listening(int port, CompletableFuture<Run> done, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        String uri(String user) {
            return "sip:" + user + "@127.0.0.1:" + port;
        }

        /** The TLS listener's port, from "listening on UDP:… and TLS:127.0.0.1:PORT" (a {@code --transport tls} line). */
        int tlsPort() {
            Matcher m = Pattern.compile(" and TLS:127\\.0\\.0\\.1:(\\d+)").matcher(printed());
            if (!m.find()) {
                throw new AssertionError("no TLS listener printed: " + printed());
            }
            return Integer.parseInt(m.group(1));
        }

        /** Standard output and error so far. */
        String printed() {
            return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        }

        /** Waits (at most 20 s) until the command has printed {@code text}. */
        void awaitPrinted(String text) throws InterruptedException {
            for (int i = 0; i < 400 && !printed().contains(text); i++) {
                Thread.sleep(50);
            }
            if (!printed().contains(text)) {
                throw new AssertionError("never printed '" + text + "': " + printed());
            }
        }
    }

    /**
     * Starts {@code parley listen} on 127.0.0.1 port 0 and returns once it has printed the ephemeral
     * port it bound ("listening on UDP:127.0.0.1:PORT"), so that no other process can take the port
     * between choosing and binding it.
     */
    static Listening listen(String... args) throws InterruptedException {
        List<String> all = new ArrayList<>(List.of("listen", "--bind", "127.0.0.1:0"));
        all.addAll(List.of(args));
        return startBound(all, "listening on");
    }

    /** Starts a subcommand that prints "{@code announcement} UDP:127.0.0.1:PORT" once bound, and waits for that line. */
    static Listening startBound(List<String> args, String announcement) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Run> done = run(args, out, err);
        Pattern bound = Pattern.compile(Pattern.quote(announcement) + " \\w+:127\\.0\\.0\\.1:(\\d+)");
        for (int i = 0; i < 400 && !done.isDone(); i++) { // at most 20 s
            Matcher m = bound.matcher(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                return new Listening(Integer.parseInt(m.group(1)), done, out, err);
            }
            Thread.sleep(50);
        }
        throw new AssertionError(args.get(0) + " printed no port: " + out.toString(StandardCharsets.UTF_8)
                + err.toString(StandardCharsets.UTF_8));
    }

    static CompletableFuture<Run> start(String... args) {
        return run(List.of(args), new ByteArrayOutputStream(), new ByteArrayOutputStream());
    }

    static CompletableFuture<Run> run(List<String> args, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return CompletableFuture.supplyAsync(() -> {
            ExitCode code = Main.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        });
    }
}
