package dev.parley.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The engine on real loopback sockets (127.0.0.1), with bounded waits. */
class MediaEngineTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static EngineConfig config() {
        int base = 46_000 + 2 * (int) (ProcessHandle.current().pid() % 1000);
        return EngineConfig.defaults(LOOPBACK).withThreads(2).withPorts(base, base + 199);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10); // real sockets and real time: bounded wait, not a timing assertion
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void twoStreams_exchangeAudioAndDtmfOverLoopback() throws Exception {
        List<Integer> digits = new CopyOnWriteArrayList<>();
        try (MediaEngine engine = MediaEngine.start(config())) {
            MediaStream a = engine.open(SessionOptions.defaults("a@test"), (pcm, n) -> true, AudioSink.discard(),
                    new SessionListener() { });
            MediaStream b = engine.open(SessionOptions.defaults("b@test"), AudioSource.silent(), AudioSink.discard(),
                    new SessionListener() {
                        @Override
                        public void onTelephoneEvent(int event, int durationMillis) {
                            digits.add(event);
                        }
                    });
            assertEquals(0, a.localRtpPort() % 2, "RTP on an even port");
            assertEquals(a.localRtpPort() + 1, a.localRtcpPort());
            a.configure(MediaConfig.of(Codecs.PCMU, new InetSocketAddress(LOOPBACK, b.localRtpPort())));
            b.configure(MediaConfig.of(Codecs.PCMU, new InetSocketAddress(LOOPBACK, a.localRtpPort())));
            await(() -> b.statistics().packetsReceived() >= 20, "B receives A's packets");
            a.sendTelephoneEvent(7, 100);
            await(() -> digits.contains(7), "B hears the DTMF digit");
            SessionStatistics s = b.statistics();
            assertEquals(a.statistics().ssrc(), s.remoteSsrc());
            assertEquals(0, s.droppedTotal() - s.dropped().getOrDefault(DropReason.SEQUENCE, 0L));
            assertTrue(s.jitterBuffer().played() > 0);
            // The non-blocking form answers from the stream's thread with the same session's figures.
            SessionStatistics later = b.statisticsAsync().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(s.ssrc(), later.ssrc());
            assertEquals(s.remoteSsrc(), later.remoteSsrc());
            assertTrue(later.packetsReceived() >= s.packetsReceived());
        }
    }

    @Test
    void closingAStream_freesItsPortsAtOnce() throws Exception {
        try (MediaEngine engine = MediaEngine.start(config())) {
            MediaStream s = engine.open(SessionOptions.defaults("x@test"), AudioSource.silent(), AudioSink.discard(),
                    new SessionListener() { });
            s.configure(MediaConfig.of(Codecs.PCMA, new InetSocketAddress(LOOPBACK, 9)));
            int port = s.localRtpPort();
            assertEquals(1, engine.portsInUse());
            s.close();
            assertEquals(0, engine.portsInUse());
            try (DatagramChannel rtp = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, port));
                    DatagramChannel rtcp = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, port + 1))) {
                assertTrue(rtp.isOpen() && rtcp.isOpen());
            }
            MediaStream again = engine.open(SessionOptions.defaults("y@test"), AudioSource.silent(), AudioSink.discard(),
                    new SessionListener() { });
            assertNotEquals(-1, again.localRtpPort());
        }
    }

    @Test
    void aThrowingAudioSource_isCountedAndTheStreamKeepsTicking() throws Exception {
        int[] calls = {0};
        try (MediaEngine engine = MediaEngine.start(config())) {
            MediaStream s = engine.open(SessionOptions.defaults("t@test"), (pcm, n) -> {
                calls[0]++;
                throw new IllegalStateException("microphone gone");
            }, AudioSink.discard(), new SessionListener() { });
            s.configure(MediaConfig.of(Codecs.PCMU, new InetSocketAddress(LOOPBACK, 9)));
            await(() -> engine.statistics().applicationErrors() >= 5, "errors counted, ticks continue");
            assertTrue(calls[0] >= 5);
        }
    }

    @Test
    void closingTheEngine_stopsItsThreads() throws Exception {
        MediaEngine engine = MediaEngine.start(config());
        engine.open(SessionOptions.defaults("z@test"), AudioSource.silent(), AudioSink.discard(), new SessionListener() { });
        engine.close();
        assertEquals(0, engine.portsInUse());
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("parley-media-") && t.isAlive()));
    }

    @Test
    void aStreamClosedFromItsOwnReceiveCallback_closesCleanly() throws Exception {
        MediaStream[] self = new MediaStream[1];
        try (MediaEngine engine = MediaEngine.start(config().withThreads(1))) {
            MediaStream a = engine.open(SessionOptions.defaults("a@test"), AudioSource.silent(), AudioSink.discard(),
                    new SessionListener() { });
            MediaStream b = engine.open(SessionOptions.defaults("b@test"), AudioSource.silent(), AudioSink.discard(),
                    new SessionListener() {
                        @Override
                        public void onTelephoneEvent(int event, int durationMillis) {
                            self[0].close(); // on the selector thread, inside its select
                        }
                    });
            self[0] = b;
            int port = b.localRtpPort();
            a.configure(MediaConfig.of(Codecs.PCMU, new InetSocketAddress(LOOPBACK, port)));
            b.configure(MediaConfig.of(Codecs.PCMU, new InetSocketAddress(LOOPBACK, a.localRtpPort())));
            a.sendTelephoneEvent(5, 60);
            await(() -> engine.portsInUse() == 1, "B closes itself when the digit arrives");
            assertTrue(b.isClosed());
            assertEquals(0, engine.statistics().applicationErrors(), "no error from a nested select");
            // The loop's next select releases the socket: the port can be bound again.
            boolean rebound = false;
            for (int i = 0; i < 500 && !rebound; i++) {
                try (DatagramChannel rtp = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, port))) {
                    rebound = rtp.isOpen();
                } catch (java.net.BindException busy) {
                    Thread.sleep(10); // bounded wait on real sockets
                }
            }
            assertTrue(rebound);
        }
    }
}
