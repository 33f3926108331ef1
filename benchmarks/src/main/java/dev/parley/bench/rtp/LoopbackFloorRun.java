package dev.parley.bench.rtp;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The floor under the load run: what one 172-byte datagram (a 20 ms PCMU packet) costs to send
 * and receive over 127.0.0.1 with the JDK's {@code DatagramChannel}, and nothing else: one thread,
 * blocking sockets, no selector, no RTP. Each delivery is one {@code send} on socket a<sub>i</sub>
 * and one {@code receive} on socket b<sub>i</sub>, cycling over N pairs (2,000 pairs = the 4,000
 * sockets of the load run's 2,000 streams and their peers). On loopback the datagram is queued
 * at the receiver before {@code send} returns, so the (non-blocking) receive finds it at once; a
 * receive that finds nothing is retried a bounded number of times and counted.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.parley.bench.rtp.LoopbackFloorRun [deliveries] [pairs...]</pre>
 * Prints the thread's CPU per delivery and the share of it in the kernel, three rounds per count.
 */
public final class LoopbackFloorRun {

    private LoopbackFloorRun() {
    }

    public static void main(String[] args) throws IOException {
        int deliveries = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int[] counts = {1, 2000};
        if (args.length > 1) {
            counts = new int[args.length - 1];
            for (int i = 1; i < args.length; i++) {
                counts[i - 1] = Integer.parseInt(args[i]);
            }
        }
        System.out.println("| socket pairs | round | CPU µs per delivery (send + receive) | of which in the kernel "
                + "| receives that found nothing |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int pairs : counts) {
            run(pairs, deliveries);
        }
    }

    private static void run(int pairs, int deliveries) throws IOException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        DatagramChannel[] from = new DatagramChannel[pairs];
        DatagramChannel[] to = new DatagramChannel[pairs];
        InetSocketAddress[] toAddress = new InetSocketAddress[pairs];
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try {
            for (int i = 0; i < pairs; i++) {
                from[i] = DatagramChannel.open().bind(new InetSocketAddress(lo, 0));
                to[i] = DatagramChannel.open().bind(new InetSocketAddress(lo, 0));
                to[i].configureBlocking(false);
                toAddress[i] = (InetSocketAddress) to[i].getLocalAddress();
            }
            ByteBuffer out = ByteBuffer.allocateDirect(172);
            ByteBuffer in = ByteBuffer.allocateDirect(2048);
            for (int round = 0; round < 4; round++) { // round 0 warms up the JIT and is not printed
                long cpu0 = threads.getCurrentThreadCpuTime();
                long user0 = threads.getCurrentThreadUserTime();
                long missing = 0;
                for (int k = 0; k < deliveries; k++) {
                    int i = k % pairs;
                    out.clear();
                    from[i].send(out, toAddress[i]);
                    in.clear();
                    for (int tries = 0; to[i].receive(in) == null && tries < 1_000; tries++) {
                        missing++;
                    }
                }
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                long user = threads.getCurrentThreadUserTime() - user0;
                if (round > 0) {
                    System.out.printf("| %d | %d | %.2f | %.0f%% | %d |%n", pairs, round, cpu / 1000.0 / deliveries,
                            100.0 * (cpu - user) / cpu, missing);
                }
            }
        } finally {
            for (int i = 0; i < pairs; i++) {
                if (from[i] != null) {
                    from[i].close();
                }
                if (to[i] != null) {
                    to[i].close();
                }
            }
        }
    }
}
