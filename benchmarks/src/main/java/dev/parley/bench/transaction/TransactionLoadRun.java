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
 * <pre>java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.parley.bench.transaction.TransactionLoadRun [seconds] [rates...]</pre>
 */
public final class TransactionLoadRun {

    private static final Pattern COUNTER = Pattern.compile("(Successful call|Failed call)\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)");
    /** SIPp's cumulative call rate on its final screen: the rate it actually achieved. */
    private static final Pattern RATE = Pattern.compile("Call Rate\\s*\\|[^|]*\\|\\s*([0-9.]+) cps");

    private TransactionLoadRun() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<Integer> rates = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
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
            for (int rate : rates) {
                probe.reset();
                long[] result = runSipp(rate, seconds, uas.address().getPort());
                System.out.printf("rate %5d calls/s (achieved %.0f): successful %7d, failed %5d, sipp exit %d; probe %s; uas sendDropped %d%n",
                        rate, result[3] / 1000.0, result[0], result[1], result[2], probe.summary(), uas.udp().sendDropped());
                if (result[1] > 0 || result[2] != 0) {
                    break;
                }
                // Let timers L and J (64*T1) drain the previous step's transactions.
                Thread.sleep(35_000);
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
