package dev.parley.bench.rtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * The floor under the light load run, one level up from {@link LoopbackFloorRun}: the same
 * {@link RtpGenerator} traffic (N streams of 20 ms PCMU) into N sockets served by ONE thread with a
 * JDK {@code Selector}, each datagram sent straight back to where it came from. No RTP parsing,
 * statistics, jitter buffer, codec, pacing or RTCP: what the JDK and the kernel alone cost to echo
 * N streams, so the engine's figures in {@link GeneratorRun} can be read against it.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.parley.bench.rtp.EchoFloorRun [--seconds=10] 500 1000 2000</pre>
 */
public final class EchoFloorRun {

    private static final int BATCH = 16;

    private EchoFloorRun() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 10;
        java.util.List<Integer> counts = new java.util.ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--seconds=")) {
                seconds = Integer.parseInt(arg.substring("--seconds=".length()));
            } else {
                counts.add(Integer.parseInt(arg));
            }
        }
        if (counts.isEmpty()) {
            counts = java.util.List.of(500, 1000, 2000);
        }
        System.out.println("| streams | packets/s in (target 50 × N) | packets/s echoed | loss out "
                + "| echo thread CPU µs per packet | of which in the kernel | generator CPU µs per packet |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        for (int n : counts) {
            run(n, seconds);
        }
    }

    private static void run(int n, int seconds) throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        DatagramChannel[] channels = new DatagramChannel[n];
        InetSocketAddress[] targets = new InetSocketAddress[n];
        int[] ssrcs = new int[n];
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < n; i++) {
                channels[i] = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress(lo, 0));
                channels[i].setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
                channels[i].configureBlocking(false);
                channels[i].register(selector, SelectionKey.OP_READ);
                targets[i] = (InetSocketAddress) channels[i].getLocalAddress();
                ssrcs[i] = RtpGenerator.ssrcOf(i); // the echo returns each stream's own packets
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
            Thread echo = new Thread(() -> serve(selector, buffer), "echo-floor");
            echo.setDaemon(true);
            echo.start();
            try (RtpGenerator generator = new RtpGenerator(new InetSocketAddress(lo, 0), targets, EchoPair.toneFrame())) {
                generator.echoSsrcs(ssrcs);
                generator.start();
                Thread.sleep(4_000); // warm-up
                MediaThreads echoThread = MediaThreads.named("echo-floor");
                MediaThreads generatorThread = MediaThreads.named("generator");
                long[] e0 = echoThread.cpuAndAllocated();
                long g0 = generatorThread.cpuAndAllocated()[0];
                long in0 = generator.sent();
                long back0 = generator.received();
                long t0 = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                long[] e1 = echoThread.cpuAndAllocated();
                long g1 = generatorThread.cpuAndAllocated()[0];
                long in1 = generator.sent();
                long back1 = generator.received();
                long t1 = System.nanoTime();
                generator.stopSending();
                Thread.sleep(500); // the last echoes come back
                long sent = generator.sent();
                long back = generator.received();
                echo.interrupt();
                selector.wakeup();
                echo.join(5_000);
                double secondsRun = (t1 - t0) / 1e9;
                long handled = (in1 - in0) + (back1 - back0); // each echoed packet is received and sent once
                long cpu = e1[0] - e0[0];
                System.out.printf("| %d | %.0f | %.0f | %.3f%% | %.2f | %.0f%% | %.2f |%n", n, (in1 - in0) / secondsRun,
                        (back1 - back0) / secondsRun, 100.0 * (sent - back) / sent, cpu / 1000.0 / handled,
                        100.0 * (cpu - (e1[2] - e0[2])) / cpu, (g1 - g0) / 1000.0 / handled);
            }
        } finally {
            for (DatagramChannel c : channels) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }

    /** Reads each ready socket until empty (at most {@link #BATCH}) and sends every datagram back. */
    private static void serve(Selector selector, ByteBuffer buffer) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                selector.select(key -> {
                    DatagramChannel channel = (DatagramChannel) key.channel();
                    try {
                        for (int k = 0; k < BATCH; k++) {
                            buffer.clear();
                            SocketAddress from = channel.receive(buffer);
                            if (from == null) {
                                return;
                            }
                            buffer.flip();
                            channel.send(buffer, from);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, 100);
            }
        } catch (IOException | java.nio.channels.ClosedSelectorException e) {
            // closed: the run is over
        }
    }
}
