package dev.parley.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.codecs.Codecs;
import dev.parley.codecs.ToneMeter;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two phones on real UDP sockets on 127.0.0.1 (ephemeral ports), with their real threads: tones, DTMF, hold. */
class LoopbackUdpTest {

    /** Completes once {@code samples} samples of audio have been received after the first loud frame. */
    private static final class Collector implements AudioSink {
        final short[] audio;
        final CompletableFuture<short[]> full = new CompletableFuture<>();
        int rate;
        private int filled;

        Collector(int samples) {
            audio = new short[samples];
        }

        @Override
        public synchronized void write(short[] frame, int sampleRate) {
            rate = sampleRate;
            if (filled == 0 && !loud(frame, sampleRate / 50)) {
                return; // the jitter buffer plays silence until the first packets arrive
            }
            int n = Math.min(sampleRate / 50, audio.length - filled);
            System.arraycopy(frame, 0, audio, filled, n);
            filled += n;
            if (filled == audio.length) {
                full.complete(audio);
            }
        }

        private static boolean loud(short[] frame, int n) {
            for (int i = 0; i < n; i++) {
                if (Math.abs(frame[i]) > 4000) {
                    return true;
                }
            }
            return false;
        }
    }

    private static List<String> parleyThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("parley-")).toList();
    }

    @Test
    @Timeout(60)
    void callOverLoopbackUdp_g722ToneDetected_thenCloseLeavesNoThreadOrPort() throws Exception {
        List<String> before = parleyThreads();
        CompletableFuture<Call> incoming = new CompletableFuture<>();
        StringBuilder digits = new StringBuilder();
        CompletableFuture<String> fourDigits = new CompletableFuture<>();
        SoftPhone bob = SoftPhone.builder().sipAddress("127.0.0.1", 0).codecs(Codecs.G722)
                .rtpPorts(40000, 40998)
                .listener(new PhoneListener() {
                    @Override
                    public void onIncomingCall(Call call) {
                        call.audioSource(AudioSources.tone(0.5, 1500));
                        incoming.complete(call);
                    }

                    @Override
                    public void onDtmf(Call call, DtmfEvent event) {
                        digits.append(event.digit()); // the event thread: one at a time
                        if (digits.length() == 4) {
                            fourDigits.complete(digits.toString());
                        }
                    }
                }).build();
        SoftPhone alice = SoftPhone.builder().sipAddress("127.0.0.1", 0).codecs(Codecs.G722)
                .rtpPorts(41000, 41998).build();
        bob.addLine(LineConfig.builder("bob", "127.0.0.1").registrationRequired(false).build());
        PhoneLine line = alice.addLine(LineConfig.builder("alice", "127.0.0.1").registrationRequired(false).build());
        int bobPort = bob.sipEndpoint().address().getPort();

        Collector aliceHears = new Collector(8000);
        Collector bobHears = new Collector(8000);
        Call out = line.newCall("sip:bob@127.0.0.1:" + bobPort);
        out.audioSource(AudioSources.tone(0.5, 1000));
        out.audioSink(aliceHears);
        CompletableFuture<Call> answered = out.start().toCompletableFuture();
        Call in = incoming.get(10, TimeUnit.SECONDS);
        in.audioSink(bobHears);
        in.answer().toCompletableFuture().get(10, TimeUnit.SECONDS);
        answered.get(10, TimeUnit.SECONDS);
        assertEquals("G722", out.codec().orElseThrow().encodingName());

        short[] atBob = bobHears.full.get(10, TimeUnit.SECONDS);
        short[] atAlice = aliceHears.full.get(10, TimeUnit.SECONDS);
        assertEquals(16000, bobHears.rate);
        assertTrue(ToneMeter.relativePower(atBob, 0, 8000, 16000, 1000) > 0.3, "bob hears 1000 Hz");
        assertTrue(ToneMeter.relativePower(atBob, 0, 8000, 16000, 1500) < 0.02, "and not himself");
        assertTrue(ToneMeter.relativePower(atAlice, 0, 8000, 16000, 1500) > 0.3, "alice hears 1500 Hz");

        // RFC 4733 events through the media engine's thread, then a hold round trip over UDP.
        out.sendDtmf("159#").toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals("159#", fourDigits.get(10, TimeUnit.SECONDS));
        out.hold().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(CallState.LOCAL_HOLD, out.state());
        out.unhold().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(CallState.CONNECTED, out.state());

        CallEnd end = out.hangUp().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(EndCause.LOCAL_HANGUP, end.cause());
        assertEquals(EndCause.REMOTE_HANGUP, in.ended().toCompletableFuture().get(10, TimeUnit.SECONDS).cause());
        InetSocketAddress bobSip = bob.sipEndpoint().address();
        alice.close();
        bob.close();

        // close() returns once the SIP loop has ended (its sockets released) and the event queue drained;
        // a finishing thread may need a moment to leave run(), so wait for each one, bounded.
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("parley-") && !before.contains(t.getName())) {
                t.join(5_000);
            }
        }
        List<String> left = parleyThreads().stream().filter(n -> !before.contains(n)).toList();
        assertEquals(List.of(), left, "close() leaves no thread behind");
        try (DatagramChannel again = DatagramChannel.open()) {
            again.bind(bobSip);
        }
    }
}
