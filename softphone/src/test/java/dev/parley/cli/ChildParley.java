package dev.parley.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: the real {@code parley} command as a child process ({@code java -cp} of the built
 * classes, {@code dev.parley.cli.Main}), its standard output and error written to files. Only this
 * process is ever signalled, by its own PID; {@link #close()} kills it if it is still running.
 */
final class ChildParley implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    private ChildParley(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code parley args...} with its output in {@code dir}. The JVM is started through
     * {@code env --default-signal=INT} (GNU coreutils): a test JVM run in the background by a
     * non-interactive shell ignores SIGINT, and a child would inherit that.
     */
    static ChildParley start(Path dir, String name, String... args) throws IOException {
        String classPath = String.join(File.pathSeparator, System.getProperty("jdk.module.path", ""),
                System.getProperty("java.class.path", ""));
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-cp", classPath, "dev.parley.cli.Main"));
        command.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new ChildParley(process, out, err);
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    /** Standard output, then standard error, for assertion messages. */
    String printed() {
        return "--- stdout\n" + out() + "--- stderr\n" + err();
    }

    /**
     * Waits (at most {@code millis}, polling the output files every 20 ms) until the command has
     * printed a match of {@code regex}, and returns its first group (or the whole match).
     */
    String awaitPrinted(String regex, long millis) throws InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        do {
            Matcher m = p.matcher(out() + err());
            if (m.find()) {
                return m.groupCount() > 0 ? m.group(1) : m.group();
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("never printed /" + regex + "/ (alive: " + process.isAlive() + ")\n" + printed());
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does, to this process only. */
    void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -INT " + process.pid() + " failed");
        }
    }

    /** Sends SIGTERM ({@link Process#destroy()} on Linux). */
    void terminate() {
        process.destroy();
    }

    /** The exit status, waiting at most {@code millis}; fails if the process is still running then. */
    int awaitExit(long millis) throws InterruptedException {
        if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + millis + " ms\n" + printed());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
