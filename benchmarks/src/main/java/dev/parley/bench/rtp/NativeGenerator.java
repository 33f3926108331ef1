package dev.parley.bench.rtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * The light load run's traffic from {@code rtpgen}, a small C program (its source travels in this
 * jar, {@code rtpgen.c}) compiled with the machine's {@code cc} on first use: the same streams as
 * {@link RtpGenerator}, but each millisecond's packets leave in one {@code sendmmsg} and come back
 * in {@code recvmmsg} batches, so the traffic source — which shares the two cores with the engine
 * under test — costs less. It stands for the other machines the streams would come from. Linux only.
 */
final class NativeGenerator implements TrafficSource {

    private final int[] ports;
    private final byte[] payload;
    private final Process process;
    private final PrintStream toProcess;
    private final BufferedReader fromProcess;
    private final int port;
    private int[] echo;

    NativeGenerator(InetSocketAddress[] targets, byte[] payload) throws IOException {
        this.ports = new int[targets.length];
        for (int i = 0; i < targets.length; i++) {
            ports[i] = targets[i].getPort();
        }
        this.payload = payload.clone();
        Path binary = compile();
        this.process = new ProcessBuilder(binary.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        this.toProcess = new PrintStream(process.getOutputStream(), false, StandardCharsets.US_ASCII);
        this.fromProcess = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        String line = fromProcess.readLine();
        if (line == null || !line.startsWith("port ")) {
            process.destroyForcibly();
            throw new IOException("rtpgen did not bind its socket: " + line);
        }
        this.port = Integer.parseInt(line.substring(5).trim());
    }

    /** Compiles rtpgen.c from this jar into a temporary directory. */
    private static Path compile() throws IOException {
        Path dir = Files.createTempDirectory("parley-rtpgen");
        Path source = dir.resolve("rtpgen.c");
        try (InputStream in = NativeGenerator.class.getResourceAsStream("rtpgen.c")) {
            if (in == null) {
                throw new IOException("rtpgen.c is not in the benchmarks jar");
            }
            Files.copy(in, source);
        }
        Path binary = dir.resolve("rtpgen");
        Process cc = new ProcessBuilder("cc", "-O2", "-o", binary.toString(), source.toString())
                .redirectErrorStream(true).start();
        String output = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!cc.waitFor(60, TimeUnit.SECONDS) || cc.exitValue() != 0) {
                throw new IOException("cc rtpgen.c failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted compiling rtpgen.c", e);
        }
        binary.toFile().deleteOnExit();
        source.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return binary;
    }

    @Override
    public InetSocketAddress localAddress() throws IOException {
        return new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
    }

    @Override
    public void echoSsrcs(int[] echoSsrc) {
        this.echo = echoSsrc.clone();
    }

    /** Hands rtpgen the payload and the streams, and starts it. */
    @Override
    public void start() {
        toProcess.println("payload " + HexFormat.of().formatHex(payload));
        for (int i = 0; i < ports.length; i++) {
            toProcess.println(ports[i] + " " + Integer.toUnsignedString(echo[i]));
        }
        toProcess.println("start");
        toProcess.flush();
    }

    @Override
    public void stopSending() {
        toProcess.println("stop");
        toProcess.flush();
    }

    /** rtpgen's counters: sent, received, RTCP, unknown, silent streams, CPU ns. */
    private long[] stats() throws IOException {
        toProcess.println("stats");
        toProcess.flush();
        String line = fromProcess.readLine();
        if (line == null || !line.startsWith("stats ")) {
            throw new IOException("rtpgen: " + line);
        }
        String[] f = line.substring(6).trim().split(" ");
        long[] v = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            v[i] = Long.parseLong(f[i]);
        }
        return v;
    }

    @Override
    public long sent() throws IOException {
        return stats()[0];
    }

    @Override
    public long received() throws IOException {
        return stats()[1];
    }

    @Override
    public int silentStreams() throws IOException {
        return (int) stats()[4];
    }

    @Override
    public long cpuNanos() throws IOException {
        return stats()[5];
    }

    @Override
    public void close() {
        toProcess.println("quit");
        toProcess.flush();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
