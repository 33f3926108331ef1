package dev.parley.sip.transaction.peer;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds or installs SIPp (Debian package {@code sip-tester}) and runs it on loopback as
 * /work/shared/INTEROP-NOTES.md says: {@code -i/-mi/-ci 127.0.0.1}, wrapped in {@code timeout(1)},
 * a bounded call count; each process this class starts is stopped by its own handle.
 */
final class Sipp {

    private Sipp() {
    }

    /** Why the one install attempt failed, so that later tests do not try again. */
    private static String installFailure;

    /** The sipp binary; installs sip-tester if missing. Fails under CI=true, aborts loudly elsewhere. */
    static synchronized String binary() {
        String found = which();
        if (found != null) {
            return found;
        }
        if (installFailure == null) {
            installFailure = install();
        }
        found = which();
        if (found != null) {
            return found;
        }
        String why = installFailure;
        if ("true".equals(System.getenv("CI"))) {
            fail("SIPp interop test cannot run: sipp is missing and " + why);
        }
        Assumptions.abort("SKIPPING SIPp interop test: sipp is not installed and " + why
                + ". Install the Debian package sip-tester to run it (under CI=true this is a failure).");
        return null;
    }

    /** Runs apt-get install -y sip-tester once (bounded by timeout(1)); returns what happened. */
    private static String install() {
        String why;
        try {
            Process p = new ProcessBuilder("timeout", "600", "apt-get", "install", "-y", "sip-tester")
                    .redirectErrorStream(true).redirectOutput(new File("target/sipp-install.log")).start();
            boolean done = p.waitFor(620, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            why = "apt-get install -y sip-tester " + (done ? "exited " + p.exitValue() : "timed out")
                    + " (see target/sipp-install.log)";
        } catch (IOException e) {
            why = "could not run apt-get: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted while installing sip-tester";
        }
        return why;
    }

    private static String which() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, "sipp");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    /** A free UDP port on loopback (SIPp needs explicit ports). */
    static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** Starts {@code sipp args...} under {@code timeout seconds}, output to target/sipp-name.log. */
    static Process start(String name, int timeoutSeconds, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("timeout", Integer.toString(timeoutSeconds), binary(),
                "-i", "127.0.0.1", "-mi", "127.0.0.1", "-ci", "127.0.0.1", "-nostdin"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(new File("target/sipp-" + name + ".log")).start();
    }

    /** Waits for {@code p} (bounded); kills it by its own handle if it overstays. Returns its exit code. */
    static int await(Process p, int seconds) throws InterruptedException {
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            return -1;
        }
        return p.exitValue();
    }

    static String log(String name) {
        try {
            String s = Files.readString(Path.of("target/sipp-" + name + ".log"));
            return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
