package dev.parley.bench.transaction;

import dev.parley.sip.transaction.TimerConfig;
import dev.parley.sip.transaction.peer.AnsweringUas;
import dev.parley.sip.transaction.peer.SipNode;
import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load run of issue 6: SIPp's built-in {@code uac} scenario at rising call rates against a
 * Parley UAS ({@link AnsweringUas} on one {@link SipNode} event loop), with our own OPTIONS
 * latency probe beside it. Prints, per rate, SIPp's successful and failed calls and the probe's
 * percentiles; stops at the first rate with a failed call.
 *
 * <p>Warm-up: before the first measured rate, SIPp runs at {@value #WARMUP_RATE} calls/s for
 * {@code --warmup} seconds (default {@value #DEFAULT_WARMUP_SECONDS}; 0 to skip), not counted, then
 * the transactions drain. A JVM server is warmed the same way before it takes its full share of
 * traffic (a load balancer's slow start, or synthetic calls before joining the pool): the first
 * seconds run interpreted and C1-compiled code, and a cold start straight at 5,000 calls/s falls
 * behind, SIPp retransmits, and the backlog feeds itself. With the warm-up, the first measured
 * rate may be the high one.
 *
 * <pre>java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.parley.bench.transaction.TransactionLoadRun [--warmup seconds] [seconds] [rates...]</pre>
 */
public final class TransactionLoadRun {

    private static final Pattern COUNTER = Pattern.compile("(Successful call|Failed call)\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)");
    /** SIPp's cumulative call rate on its final screen: the rate it actually achieved. */
    private static final Pattern RATE = Pattern.compile("Call Rate\\s*\\|[^|]*\\|\\s*([0-9.]+) cps");

    private static final int WARMUP_RATE = 1000;
    private static final int DEFAULT_WARMUP_SECONDS = 20;
    /** Timers L and J (64*T1 = 32 s) release a step's transactions within this. */
    private static final long DRAIN_MILLIS = 35_000;

    private TransactionLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        int first = 0;
        int warmupSeconds = DEFAULT_WARMUP_SECONDS;
        if (args.length > 1 && args[0].equals("--warmup")) {
            warmupSeconds = Integer.parseInt(args[1]);
            first = 2;
        }
        int seconds = args.length > first ? Integer.parseInt(args[first]) : 10;
        List<Integer> rates = new ArrayList<>();
        for (int i = first + 1; i < args.length; i++) {
            rates.add(Integer.parseInt(args[i]));
        }
        if (rates.isEmpty()) {
            rates.addAll(List.of(1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000));
        }
        TimerConfig timers = TimerConfig.DEFAULT;
        try (SipNode<AnsweringUas> uas = SipNode.start("parley-uas", new InetSocketAddress("127.0.0.1", 0), timers,
                2_000_000, (loop, addr) -> new AnsweringUas(loop, timers, addr, 0, 1_000_000));
             LatencyProbe probe = new LatencyProbe(uas.address(), 10)) {
            System.out.printf("Parley UAS on %s; %d s per rate%n", uas.address(), seconds);
            if (warmupSeconds > 0) {
                long[] warm = runSipp(WARMUP_RATE, warmupSeconds, uas.address().getPort());
                System.out.printf("warm-up %d s at %d calls/s (not measured): successful %d, failed %d%n",
                        warmupSeconds, WARMUP_RATE, warm[0], warm[1]);
                Thread.sleep(DRAIN_MILLIS);
            }
            for (int rate : rates) {
                probe.reset();
                long[] result = runSipp(rate, seconds, uas.address().getPort());
                System.out.printf("rate %5d calls/s (achieved %.0f): successful %7d, failed %5d, sipp exit %d; probe %s; uas sendDropped %d%n",
                        rate, result[3] / 1000.0, result[0], result[1], result[2], probe.summary(), uas.udp().sendDropped());
                if (result[1] > 0 || result[2] != 0) {
                    break;
                }
                // Let timers L and J (64*T1) drain the previous step's transactions.
                Thread.sleep(DRAIN_MILLIS);
            }
        }
    }

    /** Runs SIPp uac for {@code seconds} at {@code rate}; returns {successful, failed, exit code}. */
    private static long[] runSipp(int rate, int seconds, int uasPort) throws IOException, InterruptedException {
        int calls = rate * seconds;
        Path log = Files.createTempFile("sipp-load-", ".log");
        List<String> cmd = List.of("timeout", Integer.toString(seconds + 60), "sipp", "-sn", "uac",
                "-i", "127.0.0.1", "-mi", "127.0.0.1", "-ci", "127.0.0.1", "-nostdin",
                "-p", Integer.toString(freePort()), "-mp", Integer.toString(freePort()),
                "-r", Integer.toString(rate), "-m", Integer.toString(calls), "-l", Integer.toString(rate * 4),
                "-buff_size", "4194304", "-timeout", (seconds + 40) + "s", "-max_socket", "50000",
                "127.0.0.1:" + uasPort);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds + 90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        long ok = 0;
        long failed = 0;
        Matcher m = COUNTER.matcher(out);
        while (m.find()) {
            if (m.group(1).startsWith("Successful")) {
                ok = Long.parseLong(m.group(2));
            } else {
                failed = Long.parseLong(m.group(2));
            }
        }
        long achievedMilli = 0;
        Matcher r = RATE.matcher(out);
        while (r.find()) {
            achievedMilli = Math.round(Double.parseDouble(r.group(1)) * 1000);
        }
        new File(log.toString()).delete();
        return new long[] {ok, failed, p.isAlive() ? -1 : p.exitValue(), achievedMilli};
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
